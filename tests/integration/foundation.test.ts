import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { newSlot } from '../../electron/core/app';
import { verifyAudit } from '../../electron/core/audit/audit-log';
import { LATEST_SCHEMA, migrate, schemaVersion } from '../../electron/core/db/migrate';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';

const SETUP = {
  facility: { code: 'cs01', name: 'CSCOM de Test', level: 'cscom' },
  admin: { login: 'Admin', fullName: 'Awa Sangaré', password: 'motdepasse1' },
};

describeEachDb('foundation', (kind) => {
  let core: TestCore;
  beforeEach(async () => {
    core = await openTestCore(kind);
  });
  afterEach(async () => core.dispose());

  it('migrates to the latest schema, and again is a no-op', async () => {
    expect(await schemaVersion(core.deps.handle.db, core.deps.handle.features)).toBe(LATEST_SCHEMA);
    expect(await migrate(core.deps.handle.db, core.deps.handle.features)).toEqual([]);
  });

  it('first-run setup creates the facility and a signed-in administrator, once', async () => {
    const slot = newSlot();
    const before = await core.dispatch(slot, 'system.info', {});
    expect(before).toMatchObject({ ok: true, value: { setupDone: false, facility: null } });
    const created = await core.dispatch(slot, 'setup.create', SETUP);
    expect(created).toEqual({ ok: true, value: expect.objectContaining({ login: 'admin', roles: ['admin'] }) });
    expect(slot.session?.login).toBe('admin');
    const after = await core.dispatch(slot, 'system.info', {});
    expect(after).toMatchObject({ ok: true, value: { setupDone: true, facility: { code: 'CS01', level: 'cscom' } } });
    const again = await core.dispatch(newSlot(), 'setup.create', SETUP);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses bad input with a French message per field and changes nothing', async () => {
    const result = await core.dispatch(newSlot(), 'setup.create', {
      facility: { code: 'x', name: '', level: 'clinique' },
      admin: { login: 'a', fullName: 'B', password: 'court' },
      extra: "'; drop table app_user; --",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toMatch(/^Données invalides/);
    expect(Object.keys(result.error.fields ?? {})).toEqual(
      expect.arrayContaining(['facility.code', 'facility.level', 'admin.login', 'admin.password']),
    );
    expect(await core.deps.handle.db.selectFrom('facility').selectAll().execute()).toEqual([]);
    expect(await core.deps.handle.db.selectFrom('app_user').selectAll().execute()).toEqual([]);
  });

  it('logs in, refuses a wrong password, and locks after five failures, never telling whether an account exists', async () => {
    await core.dispatch(newSlot(), 'setup.create', SETUP);
    const slot = newSlot();
    const refused = { ok: false, error: { code: 'REFUSED', message: 'Identifiant ou mot de passe incorrect.' } };
    // Five wrong passwords (the fifth locks), a sixth while locked, an unknown account: the same answer.
    for (let i = 1; i <= 6; i++) expect(await core.dispatch(slot, 'auth.login', { login: 'admin', password: 'mauvais' })).toEqual(refused);
    expect(await core.dispatch(slot, 'auth.login', { login: 'personne', password: 'mauvais' })).toEqual(refused);
    // Only the right password learns of the lockout, and whom to ask.
    const evenRight = await core.dispatch(slot, 'auth.login', { login: 'admin', password: SETUP.admin.password });
    expect(evenRight).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', message: expect.stringMatching(/^Compte bloqué .*Demandez à un administrateur de le débloquer/) },
    });
    expect(slot.session).toBeNull();
    await core.deps.handle.db.updateTable('app_user').set({ locked_until: null, active: 0 }).execute();
    expect(await core.dispatch(slot, 'auth.login', { login: 'admin', password: 'mauvais' })).toEqual(refused);
    expect(await core.dispatch(slot, 'auth.login', { login: 'admin', password: SETUP.admin.password })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('désactivé') },
    });
  });

  it('answers unknown methods, missing sessions and wrong roles with refusals', async () => {
    expect(await core.dispatch(newSlot(), 'nope.nothing', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await core.dispatch(newSlot(), 'constructor', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await core.dispatch(newSlot(), 'settings.list', {})).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
    const denied = await core.dispatch(slotAs(['accueil']), 'settings.set', { key: 'lock.inactivityMinutes', value: 3 });
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const row = await core.deps.handle.db.selectFrom('audit_log').selectAll().where('outcome', '=', 'denied').executeTakeFirst();
    expect(row?.method).toBe('settings.set');
  });

  it('validates settings and keeps secrets out of the audit', async () => {
    const slot = slotAs(['admin']);
    expect(await core.dispatch(slot, 'settings.set', { key: 'lock.inactivityMinutes', value: '0' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await core.dispatch(slot, 'settings.set', { key: 'inconnu', value: '1' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await core.dispatch(slot, 'settings.set', { key: 'lock.inactivityMinutes', value: '12' })).toMatchObject({
      ok: true,
      value: { value: 12 },
    });
    await core.dispatch(slot, 'settings.set', { key: 'anam.token', value: 'tres-secret-123' });
    const audit = await core.deps.handle.db.selectFrom('audit_log').select('summary').execute();
    expect(audit.map((r) => r.summary).join('\n')).not.toContain('tres-secret-123');
  });

  it('chains the audit and detects a row edited behind its back', async () => {
    await core.dispatch(newSlot(), 'setup.create', SETUP);
    const slot = slotAs(['admin']);
    for (const minutes of ['11', '12', '13']) await core.dispatch(slot, 'settings.set', { key: 'lock.inactivityMinutes', value: minutes });
    const db = core.deps.handle.db;
    expect(await verifyAudit(db, core.deps.auditKey)).toEqual({ ok: true, rows: 4 });
    const audit = await db.selectFrom('audit_log').select('summary').execute();
    expect(audit.map((r) => r.summary).join('\n')).not.toContain(SETUP.admin.password);

    await sql`update audit_log set summary = replace(summary, '12', '99') where seq = 3`.execute(db);
    expect(await verifyAudit(db, core.deps.auditKey)).toMatchObject({ ok: false, brokenSeq: 3 });
  });

  it('detects rows removed from the end of the audit', async () => {
    await core.dispatch(newSlot(), 'setup.create', SETUP);
    await core.dispatch(slotAs(['admin']), 'settings.set', { key: 'lock.inactivityMinutes', value: '11' });
    await sql`delete from audit_log where seq = 2`.execute(core.deps.handle.db);
    expect(await verifyAudit(core.deps.handle.db, core.deps.auditKey)).toMatchObject({ ok: false, brokenSeq: 2 });
  });

  it('keeps one unbroken chain when many commands run at once', async () => {
    const slot = slotAs(['admin']);
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => core.dispatch(slot, 'settings.set', { key: 'lock.inactivityMinutes', value: String(i + 1) })),
    );
    expect(await verifyAudit(core.deps.handle.db, core.deps.auditKey)).toEqual({ ok: true, rows: 25 });
  });

  it('fills a demo database with one account per role that can log in', async () => {
    const demo = await clientFor(core, newSlot()).setup.demo({});
    expect(demo.ok).toBe(true);
    if (!demo.ok) return;
    expect(demo.value.accounts.map((a) => a.roles[0]).sort()).toEqual(['accueil', 'admin', 'gestionnaire', 'pharmacie']);
    const first = demo.value.accounts[0]!;
    const slot = newSlot();
    expect(await core.dispatch(slot, 'auth.login', { login: first.login, password: first.password })).toMatchObject({ ok: true });
    expect(await core.dispatch(newSlot(), 'setup.demo', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
