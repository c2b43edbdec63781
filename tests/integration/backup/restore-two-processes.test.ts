import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSlot, openCore } from '../../../electron/core/app';
import { openSqliteFile } from '../../../electron/core/backup/sqlite-file';
import { silentLogger } from '../../../electron/core/logger';
import { ramed } from '../../support/cli';

/** The browser host in a process of its own, on `db`; resolves with its origin once it listens. */
function startHost(db: string, staticDir: string): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/webhost/serve.ts', '--db', db, '--port', '0', '--token', 'jeton', '--static', staticDir],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RAMED_HOME: '/nonexistent-ramed-home' } },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /RAMED_URL=(\S+)/.exec(out)?.[1];
      if (url) resolve({ child, origin: new URL(url).origin });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`l'hôte s'est arrêté (${code}) : ${out}`)));
  });
}

const stopHost = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGINT');
  });

async function call(origin: string, method: string, input: unknown) {
  const res = await fetch(`${origin}/api/call`, {
    method: 'POST',
    // As the window does: its own origin, JSON, the token in a header (electron/webhost/server.ts).
    headers: { 'content-type': 'application/json', origin, 'x-ramed-token': 'jeton', 'x-ramed-client': '0123456789abcdef' },
    body: JSON.stringify({ method, input }),
  });
  return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

async function logins(db: string): Promise<string[]> {
  const file = await openSqliteFile(db, 'read');
  try {
    return (await file.all<{ login: string }>('select login from app_user order by login')).map((r) => r.login);
  } finally {
    await file.close();
  }
}

describe('restore while another process has the base open [sqlite, two processes]', () => {
  let dir: string;
  let db: string;
  let backup: string;
  let host: ChildProcess | undefined;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ramed-restore-2p-'));
    db = join(dir, 'ramed.db');
    backup = join(dir, 'copie.db');
    mkdirSync(join(dir, 'static'));
    writeFileSync(join(dir, 'static', 'index.html'), '<!doctype html><title>RAMED</title>');
    const core = await openCore({ db, log: silentLogger });
    const created = await core.dispatch(newSlot(), 'setup.create', {
      facility: { code: 'CS01', name: 'CSCOM de Test', level: 'cscom' },
      admin: { login: 'admin', fullName: 'Admin', password: 'motdepasse1' },
    });
    await core.close();
    expect(created).toMatchObject({ ok: true });
    expect((await ramed('backup', '--out', backup, '--db', db)).code).toBe(0);
  });
  afterEach(async () => {
    if (host && host.exitCode === null) await stopHost(host);
    rmSync(dir, { recursive: true, force: true });
  });

  it('is refused, naming the host, and the host’s later writes are kept in the base', async () => {
    const started = await startHost(db, join(dir, 'static'));
    host = started.child;
    const login = await call(started.origin, 'auth.login', { login: 'admin', password: 'motdepasse1' });
    expect(login).toMatchObject({ ok: true });

    const restore = await ramed('restore', backup, '--db', db, '--json');
    expect(restore).toMatchObject({
      code: 1,
      json: { error: { code: 'CONFLICT', message: expect.stringMatching(/encore ouverte par l’hôte navigateur \(processus \d+ sur /) } },
    });
    expect(readdirSync(dir).filter((n) => n.includes('restauration'))).toEqual([]);

    // The host goes on working on the same file, and what it writes stays there.
    const created = await call(started.origin, 'users.create', {
      login: 'moussa',
      fullName: 'Moussa Traoré',
      roles: ['accueil'],
    });
    expect(created).toMatchObject({ ok: true });
    await stopHost(host);
    expect(await logins(db)).toEqual(['admin', 'moussa']);
    expect(await ramed('audit', 'verify', '--db', db)).toMatchObject({ code: 0 });

    // Once the host is closed, the restore goes through, into the same file.
    expect(await ramed('restore', backup, '--db', db)).toMatchObject({ code: 0 });
    expect(await logins(db)).toEqual(['admin']);
    expect(await ramed('audit', 'verify', '--db', db)).toMatchObject({ code: 0 });
  });

  it('a program started after a restore finds the restored base in the same file', async () => {
    expect((await ramed('users', 'add', 'awa', '--name', 'Awa', '--role', 'accueil', '--db', db)).code).toBe(0);
    expect(await ramed('restore', backup, '--db', db)).toMatchObject({ code: 0 });
    const started = await startHost(db, join(dir, 'static'));
    host = started.child;
    expect(await call(started.origin, 'auth.login', { login: 'admin', password: 'motdepasse1' })).toMatchObject({ ok: true });
    expect(await call(started.origin, 'users.create', { login: 'moussa', fullName: 'Moussa Traoré', roles: ['accueil'] })).toMatchObject({
      ok: true,
    });
    await stopHost(host);
    expect(await logins(db)).toEqual(['admin', 'moussa']);
  });
});
