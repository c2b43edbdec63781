import { afterEach, beforeEach, expect, it } from 'vitest';
import { newSlot } from '../../electron/core/app';
import { openCore } from '../../electron/core/app';
import { silentLogger } from '../../electron/core/logger';
import { describeEachDb, freshDatabase, type TestDbKind } from '../support/db';
import { ramed } from '../support/cli';

describeEachDb('ramed users', (kind: TestDbKind) => {
  let db: { target: string; drop(): Promise<void> };
  beforeEach(async () => {
    db = await freshDatabase(kind);
    expect((await ramed('init', '--db', db.target, '--facility-code', 'T01', '--facility-name', 'Test', '--level', 'cscom')).code).toBe(0);
  });
  afterEach(async () => db.drop());

  it('adds an account with several roles and prints a one-time password that signs in once', async () => {
    const added = await ramed(
      'users',
      'add',
      'Awa',
      '--role',
      'accueil',
      '--role',
      'pharmacie',
      '--name',
      'Awa Sangaré',
      '--db',
      db.target,
      '--json',
    );
    expect(added).toMatchObject({
      code: 0,
      json: { user: { login: 'awa', fullName: 'Awa Sangaré', roles: ['accueil', 'pharmacie'], mustChangePassword: true } },
    });
    const password = (added.json as { oneTimePassword: string }).oneTimePassword;

    const text = await ramed('users', 'add', 'binta', '--role', 'admin', '--name', 'Binta Diallo', '--db', db.target);
    expect(text.stdout).toMatch(/Mot de passe à usage unique : [a-z2-9]{10}/);

    const listed = await ramed('users', 'list', '--db', db.target);
    expect(listed.stdout).toMatch(/awa\s+Awa Sangaré\s+Accueil, Pharmacie\s+mot de passe à changer/);

    const core = await openCore({ db: db.target, log: silentLogger });
    try {
      expect(await core.dispatch(newSlot(), 'auth.login', { login: 'awa', password })).toMatchObject({
        ok: true,
        value: { mustChangePassword: true },
      });
      const reset = await ramed('users', 'reset', 'awa', '--db', db.target, '--json');
      expect(reset.code).toBe(0);
      const next = (reset.json as { oneTimePassword: string }).oneTimePassword;
      expect(await core.dispatch(newSlot(), 'auth.login', { login: 'awa', password })).toMatchObject({ ok: false });
      expect(await core.dispatch(newSlot(), 'auth.login', { login: 'awa', password: next })).toMatchObject({ ok: true });
      const audit = await core.deps.handle.db.selectFrom('audit_log').select(['method', 'actor_login', 'summary']).execute();
      expect(audit.map((r) => r.method)).toEqual(expect.arrayContaining(['users.create', 'users.resetPassword']));
      expect(audit.find((r) => r.method === 'users.create')?.actor_login).toMatch(/^cli:/);
      expect(audit.map((r) => r.summary).join('\n')).not.toMatch(new RegExp(`${password}|${next}`));
    } finally {
      await core.close();
    }
  });

  it.each([
    [['users', 'add', 'awa', '--name', 'Awa'], /au moins un rôle/],
    [['users', 'add', 'awa', '--role', 'accueil'], /--name/],
    [['users', 'add', 'awa', '--role', 'chef', '--name', 'Awa'], /roles/],
    [['users', 'add', 'a', '--role', 'accueil', '--name', 'Awa'], /Identifiant de 3 à 32/],
    [['users', 'reset'], /Nombre d'arguments/],
  ])('exits 2 with a French message on bad usage: %j', async (argv, message) => {
    const r = await ramed(...argv, '--db', db.target);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('exits 1 on a refusal: an unknown login, a login already used', async () => {
    expect(await ramed('users', 'reset', 'personne', '--db', db.target)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Aucun compte'),
    });
    await ramed('users', 'add', 'awa', '--role', 'accueil', '--name', 'Awa', '--db', db.target);
    expect(await ramed('users', 'add', 'awa', '--role', 'accueil', '--name', 'Awa', '--db', db.target)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('déjà utilisé'),
    });
  });
});
