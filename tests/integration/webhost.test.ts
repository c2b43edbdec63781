import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SLOTS, SLOT_IDLE_MS, startWebHost, UPLOAD_KEPT_MS, type WebHost } from '../../electron/webhost/server';
import { openTestCore, type TestCore } from '../support/db';

describe('the browser host', () => {
  let core: TestCore;
  let host: WebHost;
  let origin: string;
  const client = '0123456789abcdef';
  /** The host's clock, moved by the tests of expiry. */
  let now = Date.parse('2026-11-16T09:30:00.000Z');

  beforeAll(async () => {
    core = await openTestCore('sqlite');
    const dir = mkdtempSync(join(tmpdir(), 'ramed-static-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>RAMED</title>');
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'index-Ab12.js'), 'export const chunk = 1;');
    host = await startWebHost({ core, staticDir: dir, token: 'secret-token', now: () => now });
    origin = new URL(host.url).origin;
  });
  afterAll(async () => {
    await host.close();
    await core.dispose();
  });

  /** A call as the host's own page makes it: its Origin, JSON, the token in a header. */
  const call = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${origin}/api/call`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', 'x-ramed-token': 'secret-token', 'x-ramed-client': client, ...headers },
      body: JSON.stringify(body),
    });
  const upload = (kind: string, body: string, clientId = client) =>
    fetch(`${origin}/api/upload?kind=${kind}&name=${encodeURIComponent('registre été.csv')}`, {
      method: 'POST',
      headers: { origin, 'x-ramed-token': 'secret-token', 'x-ramed-client': clientId },
      body,
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
      headers: { origin, 'content-type': 'application/json', 'x-ramed-token': 'secret-token', 'x-ramed-client': client },
      body: '{nope',
    });
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('illisible') } });
  });

  it('accepts an upload only from a signed-in tab whose role uses it, up to its size, and deletes it later', async () => {
    expect((await upload('registre', 'recepisse;nom\n')).status).toBe(403);
    await call({
      method: 'setup.create',
      input: {
        facility: { code: 'W1', name: 'Hôte web', level: 'cscom' },
        admin: { login: 'admin', fullName: 'Admin Web', password: 'motdepasse1' },
      },
    });
    const res = await upload('registre', 'recepisse;nom\n');
    const body = (await res.json()) as { ok: boolean; value: { ref: string; name: string } };
    expect(body).toMatchObject({ ok: true, value: { ref: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'registre été.csv' } });
    const entry = core.deps.files.resolve(body.value.ref);
    expect(readFileSync(entry.path, 'utf8')).toBe('recepisse;nom\n');
    expect(() => core.deps.files.resolve('0'.repeat(32))).toThrow(/introuvable/);

    const unknownKind = await upload('autre', 'x');
    expect([unknownKind.status, await unknownKind.json()]).toEqual([
      400,
      { ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT' }) },
    ]);
    const tooBig = await upload('signature', 'A'.repeat(17 * 1024));
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ error: { message: 'Fichier trop volumineux pour cet usage (au plus 16 Kio).' } });

    // A desk agent's tab may not send files only an administrator or a manager uses.
    const created = (await (
      await call({ method: 'users.create', input: { login: 'awa', fullName: 'Awa Accueil', roles: ['accueil'] } })
    ).json()) as {
      value: { oneTimePassword: string };
    };
    const desk = 'fedcba9876543210';
    await call({ method: 'auth.login', input: { login: 'awa', password: created.value.oneTimePassword } }, { 'x-ramed-client': desk });
    for (const kind of ['registre', 'reponse', 'sauvegarde']) {
      const refused = await upload(kind, 'x', desk);
      expect([kind, refused.status, ((await refused.json()) as { error: { code: string } }).error.code]).toEqual([kind, 403, 'FORBIDDEN']);
    }

    now += UPLOAD_KEPT_MS + 1;
    expect((await upload('signature', 'AAAA')).status).toBe(200);
    expect(existsSync(entry.path)).toBe(false);
    expect(() => core.deps.files.resolve(body.value.ref)).toThrow(/introuvable/);
  });

  it('refuses calls from another origin, without JSON, or with the token in the address', async () => {
    const asJson = { method: 'system.info', input: {} };
    const foreign = await call(asJson, { origin: 'http://evil.example' });
    expect([foreign.status, await foreign.json()]).toEqual([403, { ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) }]);
    const { origin: _dropped, ...noOrigin } = {
      origin,
      'content-type': 'application/json',
      'x-ramed-token': 'secret-token',
      'x-ramed-client': client,
    };
    const without = await fetch(`${origin}/api/call`, { method: 'POST', headers: noOrigin, body: JSON.stringify(asJson) });
    expect(without.status).toBe(403);
    const plain = await call(asJson, { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
    const inAddress = await fetch(`${origin}/api/call?token=secret-token&client=${client}`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify(asJson),
    });
    expect([inAddress.status, await inAddress.json()]).toEqual([
      403,
      { ok: false, error: expect.objectContaining({ code: 'NOT_AUTHENTICATED' }) },
    ]);

    // The event stream (EventSource sends no headers) takes the token from its address, from the host's page only.
    const events = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const req = request(`${origin}/api/events?token=secret-token&client=${client}`, { headers }, (res) => {
          resolve(res.statusCode ?? 0);
          res.destroy();
        });
        req.end();
      });
    expect(await events({})).toBe(200);
    expect(await events({ origin: 'http://evil.example' })).toBe(403);
  });

  it('answers a malformed address with 400, not an internal error', async () => {
    for (const path of ['/%E0%A4%A', '/api/../%E0%A4%A', '/%']) {
      const res = await fetch(`${origin}${path}`);
      expect([path, res.status]).toEqual([path, 400]);
    }
  });

  it('frees the slots of idle tabs, and keeps at most MAX_SLOTS', async () => {
    const ids = Array.from({ length: MAX_SLOTS + 50 }, (_, i) => `tab-${String(i).padStart(8, '0')}`);
    for (const id of ids) expect((await call({ method: 'system.info', input: {} }, { 'x-ramed-client': id })).status).toBe(200);
    expect(host.slotCount()).toBe(MAX_SLOTS);
    now += SLOT_IDLE_MS + 1;
    await call({ method: 'system.info', input: {} });
    expect(host.slotCount()).toBe(1);
  });

  it('answers 404 for a missing chunk, and the app page for any other address', async () => {
    const chunk = await fetch(`${origin}/assets/index-Ab12.js`);
    expect(chunk.status).toBe(200);
    expect(chunk.headers.get('content-type')).toContain('javascript');
    expect(await chunk.text()).toBe('export const chunk = 1;');
    const missing = await fetch(`${origin}/assets/reception-Old9.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('RAMED');
    expect((await fetch(`${origin}/assets/`)).status).toBe(404);
    const page = await fetch(`${origin}/accueil/controle`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('RAMED');
  });

  it('never lets a path escape the static folder', async () => {
    const res = await fetch(`${origin}/..%2f..%2fetc%2fpasswd`);
    expect(await res.text()).not.toContain('root:');
  });
});
