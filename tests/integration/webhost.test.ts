import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/webhost/server';
import { openTestCore, type TestCore } from '../support/db';

describe('the browser host', () => {
  let core: TestCore;
  let host: WebHost;
  let origin: string;
  const client = '0123456789abcdef';

  beforeAll(async () => {
    core = await openTestCore('sqlite');
    const dir = mkdtempSync(join(tmpdir(), 'ramed-static-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>RAMED</title>');
    host = await startWebHost({ core, staticDir: dir, token: 'secret-token' });
    origin = new URL(host.url).origin;
  });
  afterAll(async () => {
    await host.close();
    await core.dispose();
  });

  const call = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${origin}/api/call`, {
      method: 'POST',
      headers: { 'x-ramed-token': 'secret-token', 'x-ramed-client': client, ...headers },
      body: JSON.stringify(body),
    });

  it('listens on loopback only', () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
  });

  it('serves the app with a strict Content-Security-Policy', async () => {
    const res = await fetch(`${origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('RAMED');
  });

  it('answers contract calls with the token', async () => {
    const res = await call({ method: 'system.info', input: {} });
    expect(await res.json()).toMatchObject({ ok: true, value: { setupDone: false } });
  });

  it('refuses calls without the right token', async () => {
    const res = await call({ method: 'system.info', input: {} }, { 'x-ramed-token': 'wrong' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request(`${origin}/api/call`, { method: 'POST', headers: { host: 'evil.example:80' } }, (res) =>
        resolve(res.statusCode ?? 0),
      );
      req.end('{}');
    });
    expect(status).toBe(421);
  });

  it('answers malformed JSON with a French refusal', async () => {
    const res = await fetch(`${origin}/api/call`, {
      method: 'POST',
      headers: { 'x-ramed-token': 'secret-token', 'x-ramed-client': client },
      body: '{nope',
    });
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('illisible') } });
  });

  it('accepts an upload only from a signed-in tab and answers an opaque reference', async () => {
    const upload = () =>
      fetch(`${origin}/api/upload?name=${encodeURIComponent('registre été.csv')}`, {
        method: 'POST',
        headers: { 'x-ramed-token': 'secret-token', 'x-ramed-client': client },
        body: 'recepisse;nom\n',
      });
    expect((await upload()).status).toBe(403);
    await call({
      method: 'setup.create',
      input: {
        facility: { code: 'W1', name: 'Hôte web', level: 'cscom' },
        admin: { login: 'admin', fullName: 'Admin Web', password: 'motdepasse1' },
      },
    });
    const res = await upload();
    const body = (await res.json()) as { ok: boolean; value: { ref: string; name: string } };
    expect(body).toMatchObject({ ok: true, value: { ref: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'registre été.csv' } });
    const entry = core.deps.files.resolve(body.value.ref);
    expect(readFileSync(entry.path, 'utf8')).toBe('recepisse;nom\n');
    expect(() => core.deps.files.resolve('0'.repeat(32))).toThrow(/introuvable/);
  });

  it('never lets a path escape the static folder', async () => {
    const res = await fetch(`${origin}/..%2f..%2fetc%2fpasswd`);
    expect(await res.text()).not.toContain('root:');
  });
});
