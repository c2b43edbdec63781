import { afterAll, beforeAll, expect, it } from 'vitest';
import { newSlot } from '../../electron/core/app';
import { api, type MethodName } from '../../shared/api/index';
import { ROLES, type Role } from '../../shared/domain/roles';
import { describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { tableCounts } from '../support/snapshot';

// Derived from the contract itself: a method added to `api` is checked here without any edit.
const METHODS = Object.keys(api) as MethodName[];
const accessOf = (name: MethodName) => api[name].access;
const rolesOf = (name: MethodName): readonly Role[] => {
  const access = accessOf(name);
  return Array.isArray(access) ? access : [];
};

const REFUSED = METHODS.flatMap((name) =>
  ROLES.filter((role) => Array.isArray(accessOf(name)) && !rolesOf(name).includes(role)).map((role) => [name, role] as const),
);
const ALLOWED = METHODS.flatMap((name) => rolesOf(name).map((role) => [name, role] as const));
const SIGNED_IN = METHODS.filter((name) => accessOf(name) !== 'public');

/** Reviewed one by one: a method open to anyone without signing in must be added here on purpose. */
const PUBLIC_METHODS = ['system.info', 'setup.create', 'setup.demo', 'auth.login', 'auth.session'];

it('opens no method to the public but the reviewed ones', () => {
  expect(METHODS.filter((name) => accessOf(name) === 'public').sort()).toEqual([...PUBLIC_METHODS].sort());
  expect(REFUSED.length).toBeGreaterThan(10);
});

describeEachDb('authorisation of every contract method', (kind) => {
  let core: TestCore;
  beforeAll(async () => {
    core = await openTestCore(kind);
    expect(await core.dispatch(newSlot(), 'setup.demo', {})).toMatchObject({ ok: true });
  });
  afterAll(async () => core.dispose());

  it.each(REFUSED)('%s refuses the role %s, changes nothing and audits the refusal', async (name, role) => {
    const db = core.deps.handle.db;
    const before = await tableCounts(db);
    const head = await db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    const result = await core.dispatch(slotAs([role], null, `essai-${role}`), name, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('Votre rôle ne permet pas') } });
    expect(await tableCounts(db)).toEqual(before);
    const denied = await db.selectFrom('audit_log').selectAll().where('seq', '>', head.seq).execute();
    expect(denied).toMatchObject([{ method: name, outcome: 'denied', actor_login: `essai-${role}` }]);
  });

  it.each(ALLOWED)('%s lets the role %s through the access check', async (name, role) => {
    const result = await core.dispatch(slotAs([role]), name, { '\u0000': 'no handler runs: the input is refused' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it.each(SIGNED_IN)('%s answers NOT_AUTHENTICATED without a session and changes nothing', async (name) => {
    const before = await tableCounts(core.deps.handle.db);
    const result = await core.dispatch(newSlot(), name, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED', message: expect.stringContaining('Reconnectez-vous') } });
    expect(await tableCounts(core.deps.handle.db)).toEqual(before);
  });
});
