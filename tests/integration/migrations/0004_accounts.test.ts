import { expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

const previous = MIGRATIONS[MIGRATIONS.findIndex((m) => m.name === '0004_accounts') - 1]!.name;

describeEachDb('migration 0004_accounts', (kind) => {
  it(`keeps the accounts and the audit of ${previous} and gives every account a session version`, async () => {
    const m = await databaseAt(kind, previous);
    try {
      await m.db
        .insertInto('app_user')
        .values([
          { login: 'awa', full_name: 'Awa', roles: 'admin', password_hash: 'h', active: 1, created_at: 'x', updated_at: 'x' },
          { login: 'binta', full_name: 'Binta', roles: 'accueil', password_hash: 'h', active: 0, created_at: 'x', updated_at: 'x' },
        ])
        .execute();
      const audit = { at: '2026-11-01T08:00:00.000Z', actor_login: 'awa', method: 'auth.login', outcome: 'ok', summary: '{}' };
      await m.db
        .insertInto('audit_log')
        .values({ ...audit, seq: 1, prev_hash: 'a', hash: 'b' })
        .execute();

      expect(await m.migrateToLatest()).toContain('0004_accounts');

      expect(await m.db.selectFrom('app_user').select(['login', 'active', 'session_version']).orderBy('login').execute()).toEqual([
        { login: 'awa', active: 1, session_version: 0 },
        { login: 'binta', active: 0, session_version: 0 },
      ]);
      expect(await m.db.selectFrom('audit_log').select(['seq', 'actor_login', 'hash']).execute()).toEqual([
        { seq: 1, actor_login: 'awa', hash: 'b' },
      ]);
    } finally {
      await m.dispose();
    }
  });
});
