import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

describeEachDb('migration 0009_reception', (kind) => {
  it('keeps the settings of 0008 and adds the desk checks with their reasons', async () => {
    const m = await databaseAt(kind, '0008_backups');
    try {
      await m.db.insertInto('setting').values({ key: 'referral.rule', value: '"refuse"', updated_at: 'x', updated_by: 'awa' }).execute();
      expect(await m.migrateToLatest()).toContain('0009_reception');
      expect(await m.db.selectFrom('setting').select(['key', 'value']).execute()).toEqual([{ key: 'referral.rule', value: '"refuse"' }]);
      const check = {
        at: '2026-11-16T09:30:00.000Z',
        day: '2026-11-16',
        by_login: 'aminata',
        kind: 'admission',
        recepisse: '1111234567890',
        person_id: null,
        eligible: 0,
        outcome: 'refuse',
        warnings: '[]',
        identity_document: 'aucun',
        identity_matches: null,
        episode_id: null,
      };
      const { id } = await m.db.insertInto('reception_check').values(check).returning('id').executeTakeFirstOrThrow();
      await m.db.insertInto('reception_check_reason').values({ check_id: id, code: 'EXPIRED' }).execute();
      expect(await m.db.selectFrom('reception_check').selectAll().execute()).toEqual([{ id, ...check }]);
      expect(await m.db.selectFrom('reception_check_reason').select(['check_id', 'code']).execute()).toEqual([
        { check_id: id, code: 'EXPIRED' },
      ]);
    } finally {
      await m.dispose();
    }
  });
});
