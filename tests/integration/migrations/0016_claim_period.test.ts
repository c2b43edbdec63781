import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

describeEachDb('migration 0016_claim_period', (kind) => {
  it('keeps the claims of 0013, none built early, and records the reason of a claim built on the month’s last day', async () => {
    const m = await databaseAt(kind, '0013_outbox_retries');
    try {
      const claim = {
        month: '2026-10',
        version: 1,
        previous_id: null,
        status: 'signee' as const,
        built_at: '2026-11-02T08:00:00.000Z',
        built_by: 'fatoumata',
        episodes: 2,
        total: 1000,
        signed_at: '2026-11-02T09:00:00.000Z',
        signed_by: 'fatoumata',
        content: '{}',
        sha256: 'a'.repeat(64),
      };
      await m.db.insertInto('claim').values(claim).execute();

      expect(await m.migrateToLatest()).toContain('0016_claim_period');
      expect(await m.db.selectFrom('claim').select(['month', 'version', 'status', 'total', 'early_reason']).execute()).toEqual([
        { month: '2026-10', version: 1, status: 'signee', total: 1000, early_reason: null },
      ]);
      await m.db
        .insertInto('claim')
        .values({ ...claim, month: '2026-11', status: 'brouillon', content: null, sha256: null, early_reason: 'Clôture de l’exercice' })
        .execute();
      expect(await m.db.selectFrom('claim').select('early_reason').where('month', '=', '2026-11').executeTakeFirst()).toEqual({
        early_reason: 'Clôture de l’exercice',
      });
    } finally {
      await m.dispose();
    }
  });
});
