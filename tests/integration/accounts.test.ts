import { afterEach, beforeEach, expect, it } from 'vitest';
import { newSlot } from '../../electron/core/app';
import type { SessionSlot } from '../../electron/core/context';
import type { UserWithPassword } from '../../shared/domain/users';
import { describeEachDb, openTestCore, type TestCore } from '../support/db';

const ADMIN = { login: 'admin', fullName: 'Moussa Keïta', password: 'motdepasse1' };

describeEachDb('accounts administered from the window', (kind) => {
  let core: TestCore;
  let admin: SessionSlot;

  beforeEach(async () => {
    core = await openTestCore(kind);
    admin = newSlot();
    await core.dispatch(admin, 'setup.create', { facility: { code: 'CS01', name: 'CSCOM de Test', level: 'cscom' }, admin: ADMIN });
  });
  afterEach(async () => core.dispose());

  const asAdmin = (method: string, input: unknown) => core.dispatch(admin, method, input);
  async function create(login: string, roles: string[], fullName = 'Aminata Traoré'): Promise<UserWithPassword> {
    const r = await asAdmin('users.create', { login, fullName, roles });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as UserWithPassword;
  }
  async function signIn(login: string, password: string): Promise<SessionSlot> {
    const slot = newSlot();
    const r = await core.dispatch(slot, 'auth.login', { login, password });
    if (!r.ok) throw new Error(r.error.message);
    return slot;
  }

  it('creates an account with a one-time password that must be changed at first sign-in', async () => {
    const created = await create(' Aminata ', ['accueil']);
    expect(created.user).toMatchObject({ login: 'aminata', roles: ['accueil'], active: true, mustChangePassword: true });
    expect(created.oneTimePassword).toMatch(/^[a-z2-9]{10}$/);

    const slot = await signIn('aminata', created.oneTimePassword);
    expect(await core.dispatch(slot, 'auth.session', {})).toMatchObject({ ok: true, value: { mustChangePassword: true } });
    expect(await core.dispatch(slot, 'audit.verify', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.dispatch(slot, 'auth.changePassword', { current: created.oneTimePassword, next: 'aminata' })).toMatchObject({
      ok: false,
      error: { fields: { next: expect.any(String) } },
    });
    expect(await core.dispatch(slot, 'auth.changePassword', { current: created.oneTimePassword, next: 'mon-secret-2026' })).toMatchObject({
      ok: true,
      value: { mustChangePassword: false },
    });
    expect(await core.dispatch(slot, 'auth.session', {})).toMatchObject({
      ok: true,
      value: { login: 'aminata', mustChangePassword: false },
    });

    const list = await asAdmin('users.list', {});
    expect(list).toMatchObject({ ok: true, value: [{ login: 'admin' }, { login: 'aminata', fullName: 'Aminata Traoré' }] });
    expect(await asAdmin('users.create', { login: 'aminata', fullName: 'Autre', roles: ['pharmacie'] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('déjà utilisé') },
    });
  });

  it('resets a password: the old one stops working, open sessions end, a lockout is lifted', async () => {
    const created = await create('boubacar', ['pharmacie'], 'Boubacar Coulibaly');
    const slot = await signIn('boubacar', created.oneTimePassword);
    for (let i = 0; i < 5; i++) await core.dispatch(newSlot(), 'auth.login', { login: 'boubacar', password: 'faux' });
    const listed = (await asAdmin('users.list', {})) as { ok: true; value: Array<{ login: string; lockedUntil: string | null }> };
    expect(listed.value.find((u) => u.login === 'boubacar')?.lockedUntil).toBeTruthy();

    const reset = await asAdmin('users.resetPassword', { login: 'BOUBACAR' });
    expect(reset).toMatchObject({ ok: true, value: { user: { lockedUntil: null, mustChangePassword: true } } });
    const next = (reset as { ok: true; value: UserWithPassword }).value.oneTimePassword;
    expect(next).not.toBe(created.oneTimePassword);

    expect(await core.dispatch(slot, 'auth.activity', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHENTICATED', message: expect.stringContaining('mot de passe') },
    });
    expect(await core.dispatch(newSlot(), 'auth.login', { login: 'boubacar', password: created.oneTimePassword })).toMatchObject({
      ok: false,
    });
    await signIn('boubacar', next);
    expect(await asAdmin('users.resetPassword', { login: 'personne' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('deactivates an account: its open session ends at the next call and it cannot sign in', async () => {
    const created = await create('fatou', ['gestionnaire'], 'Fatoumata Diarra');
    const slot = await signIn('fatou', created.oneTimePassword);
    expect(await asAdmin('users.setActive', { login: 'fatou', active: false })).toMatchObject({ ok: true, value: { active: false } });
    expect(await core.dispatch(slot, 'auth.activity', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHENTICATED', message: expect.stringContaining('désactivé') },
    });
    expect(await core.dispatch(newSlot(), 'auth.login', { login: 'fatou', password: created.oneTimePassword })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('désactivé') },
    });
    expect(await asAdmin('users.setActive', { login: 'fatou', active: true })).toMatchObject({ ok: true, value: { active: true } });
    await signIn('fatou', created.oneTimePassword);
  });

  it('applies a change of roles to an open session at once', async () => {
    const created = await create('ousmane', ['accueil'], 'Ousmane Sidibé');
    const slot = await signIn('ousmane', created.oneTimePassword);
    await core.dispatch(slot, 'auth.changePassword', { current: created.oneTimePassword, next: 'ousmane-2026' });
    expect(await core.dispatch(slot, 'audit.verify', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await asAdmin('users.update', { login: 'ousmane', fullName: 'Ousmane Sidibé', roles: ['accueil', 'gestionnaire'] }),
    ).toMatchObject({
      ok: true,
      value: { roles: ['accueil', 'gestionnaire'] },
    });
    expect(await core.dispatch(slot, 'audit.verify', {})).toMatchObject({ ok: true });
    expect(await core.dispatch(slot, 'auth.session', {})).toMatchObject({ ok: true, value: { roles: ['accueil', 'gestionnaire'] } });
  });

  it('never leaves the facility without an active administrator', async () => {
    expect(await asAdmin('users.setActive', { login: 'admin', active: false })).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', message: expect.stringContaining('propre compte') },
    });
    expect(await asAdmin('users.update', { login: 'admin', fullName: ADMIN.fullName, roles: ['gestionnaire'] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('dernier administrateur') },
    });
    const second = await create('mariam', ['admin'], 'Mariam Konaté');
    const mariam = await signIn('mariam', second.oneTimePassword);
    await core.dispatch(mariam, 'auth.changePassword', { current: second.oneTimePassword, next: 'mariam-2026' });
    expect(await core.dispatch(mariam, 'users.setActive', { login: 'admin', active: false })).toMatchObject({ ok: true });
    expect(await core.dispatch(mariam, 'users.update', { login: 'mariam', fullName: 'Mariam Konaté', roles: ['accueil'] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('lets only one of two administrators demoting each other at the same time succeed', async () => {
    const second = await create('mariam', ['admin'], 'Mariam Konaté');
    const mariam = await signIn('mariam', second.oneTimePassword);
    await core.dispatch(mariam, 'auth.changePassword', { current: second.oneTimePassword, next: 'mariam-2026' });
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([
        core.dispatch(admin, 'users.update', { login: 'mariam', fullName: 'Mariam Konaté', roles: ['accueil'] }),
        core.dispatch(mariam, 'users.update', { login: 'admin', fullName: ADMIN.fullName, roles: ['accueil'] }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const admins = await core.deps.handle.db.selectFrom('app_user').select('login').where('roles', 'like', '%admin%').execute();
      expect(admins).toHaveLength(1);
      // Give the role back for the next round, from the side that kept it.
      const keeper = admins[0]!.login === 'admin' ? admin : mariam;
      const other = admins[0]!.login === 'admin' ? 'mariam' : 'admin';
      const name = other === 'admin' ? ADMIN.fullName : 'Mariam Konaté';
      expect(await core.dispatch(keeper, 'users.update', { login: other, fullName: name, roles: ['admin'] })).toMatchObject({ ok: true });
    }
  });

  it('audits every change of account without a one-time password', async () => {
    const created = await create('kadia', ['accueil'], 'Kadiatou Cissé');
    const reset = (await asAdmin('users.resetPassword', { login: 'kadia' })) as { ok: true; value: UserWithPassword };
    await asAdmin('users.setActive', { login: 'kadia', active: false });
    await asAdmin('users.update', { login: 'kadia', fullName: 'Kadiatou Cissé', roles: ['pharmacie'] });
    const rows = await core.deps.handle.db
      .selectFrom('audit_log')
      .select(['method', 'entity', 'entity_id', 'actor_login', 'summary'])
      .where('entity', '=', 'user')
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => [r.method, r.entity_id, r.actor_login])).toEqual([
      ['users.create', 'kadia', 'admin'],
      ['users.resetPassword', 'kadia', 'admin'],
      ['users.setActive', 'kadia', 'admin'],
      ['users.update', 'kadia', 'admin'],
    ]);
    const all = (await core.deps.handle.db.selectFrom('audit_log').select('summary').execute()).map((r) => r.summary).join('\n');
    expect(all).not.toContain(created.oneTimePassword);
    expect(all).not.toContain(reset.value.oneTimePassword);
  });
});
