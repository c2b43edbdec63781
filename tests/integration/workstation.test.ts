import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { resolveDatabase } from '../../electron/core/workstation';
import { freshDatabase } from '../support/db';

const ROOT = join(import.meta.dirname, '../..');

/** Runs `ramed …` in-process with the user data folder `home` (where poste.json lives). */
async function ramedIn(home: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => (stdout += `${t}\n`),
    stderr: (t) => (stderr += `${t}\n`),
    env: { RAMED_HOME: home },
  });
  return { code, stdout, stderr };
}

describe('the workstation’s database (database.url in poste.json)', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'ramed-home-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));
  const posteJson = () => join(home, 'poste.json');

  it('opens --db first, then RAMED_DB, then this workstation’s database.url, then the local ramed.db', () => {
    const env = { RAMED_HOME: home };
    expect(resolveDatabase(undefined, env)).toEqual({ target: join(home, 'ramed.db'), source: 'default', file: posteJson() });
    writeFileSync(posteJson(), JSON.stringify({ 'database.url': 'postgres://ramed:secret@10.0.0.5:5432/ramed' }));
    expect(resolveDatabase(undefined, env)).toMatchObject({ target: 'postgres://ramed:secret@10.0.0.5:5432/ramed', source: 'workstation' });
    expect(resolveDatabase(undefined, { ...env, RAMED_DB: '/data/autre.db' })).toMatchObject({ target: '/data/autre.db', source: 'env' });
    expect(resolveDatabase('/tmp/x.db', { ...env, RAMED_DB: '/data/autre.db' })).toMatchObject({ target: '/tmp/x.db', source: 'option' });
  });

  it('is set and removed with ramed settings set, validated, kept private, never printed', async () => {
    const url = 'postgres://ramed:motdepasse@10.0.0.5:5432/ramed';
    const set = await ramedIn(home, 'settings', 'set', 'database.url', url);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('prochain démarrage');
    expect(JSON.parse(readFileSync(posteJson(), 'utf8'))).toEqual({ 'database.url': url });
    if (process.platform !== 'win32') expect(statSync(posteJson()).mode & 0o077).toBe(0);
    const get = await ramedIn(home, 'settings', 'get', 'database.url', '--json');
    expect(JSON.parse(get.stdout)).toMatchObject({ key: 'database.url', value: '••••••', isDefault: false, secret: true });
    expect(get.stdout).not.toContain('motdepasse');

    const bad = await ramedIn(home, 'settings', 'set', 'database.url', 'mysql://root@serveur/ramed');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Adresse postgres://');
    expect(JSON.parse(readFileSync(posteJson(), 'utf8'))).toEqual({ 'database.url': url });

    expect((await ramedIn(home, 'settings', 'set', 'database.url', '')).code).toBe(0);
    expect(JSON.parse(readFileSync(posteJson(), 'utf8'))).toEqual({});
    expect(resolveDatabase(undefined, { RAMED_HOME: home }).source).toBe('default');
  });

  it('refuses to start on a damaged poste.json rather than silently opening another database', async () => {
    writeFileSync(posteJson(), '{ "database.url": ');
    const run = await ramedIn(home, 'check', '1111234567890');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Fichier ${posteJson()} : JSON invalide`);
    expect(existsSync(join(home, 'ramed.db'))).toBe(false);
  });

  it('says in French which server did not answer and where its address came from, without the password', async () => {
    writeFileSync(posteJson(), JSON.stringify({ 'database.url': 'postgres://ramed:motdepasse@127.0.0.1:1/ramed' }));
    const run = await ramedIn(home, 'check', '1111234567890');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Base PostgreSQL 127.0.0.1:1/ramed impossible à ouvrir (paramètre database.url du poste)');
    expect(run.stderr).toContain('le serveur refuse la connexion');
    expect(run.stderr).toContain(posteJson());
    expect(run.stderr).not.toContain('motdepasse');
  });

  it.skipIf(!inject('pgUrl'))('makes the command line and the browser host open the shared PostgreSQL database', async () => {
    const shared = await freshDatabase('postgres');
    try {
      expect((await ramedIn(home, 'settings', 'set', 'database.url', shared.target)).code).toBe(0);
      const init = await ramedIn(
        home,
        'init',
        '--facility-code',
        'CSREF-K',
        '--facility-name',
        'CSREF de Kati',
        '--level',
        'csref',
        '--json',
      );
      expect(init.code).toBe(0);
      expect(JSON.parse(init.stdout)).toMatchObject({ database: { kind: 'postgres' }, facility: { code: 'CSREF-K' } });
      expect(existsSync(join(home, 'ramed.db'))).toBe(false);

      // The browser host, started without --db, serves the same database.
      const host = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['electron/webhost/serve.ts', '--port', '0', '--static', tmpdir()], {
        cwd: ROOT,
        env: { ...process.env, RAMED_HOME: home, RAMED_DB: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      try {
        const banner = await new Promise<string>((resolve, reject) => {
          let out = '';
          host.stdout.on('data', (d) => {
            out += d;
            if (out.includes('Base : ')) resolve(out);
          });
          host.on('exit', (code) => reject(new Error(`hôte arrêté (code ${code}) : ${out}`)));
        });
        const name = new URL(shared.target).pathname;
        expect(banner).toMatch(new RegExp(`Base : PostgreSQL 127\\.0\\.0\\.1:\\d+${name}`));
      } finally {
        host.kill();
      }
    } finally {
      await shared.drop();
    }
  });
});
