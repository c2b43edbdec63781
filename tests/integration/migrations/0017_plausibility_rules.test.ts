import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

describeEachDb('migration 0017_plausibility_rules', (kind) => {
  it('keeps the reference lists of 0016 and adds the plausibility rules, versioned, with their own imports', async () => {
    const m = await databaseAt(kind, '0016_claim_period');
    try {
      const { id: importId } = await m.db
        .insertInto('reference_import')
        .values({
          kind: 'tarifs',
          file_name: 'tarifs.csv',
          sha256: 'a'.repeat(64),
          imported_at: '2026-11-01T08:00:00.000Z',
          by_login: 'admin',
          lines: 1,
          inserted: 1,
          closed: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await m.db
        .insertInto('tariff')
        .values({
          code: 'MA-ACC',
          level: 'cscom',
          label: 'Accouchement normal',
          category: 'maternite',
          price: 3000,
          effective_from: '2024-01-01',
          effective_to: null,
          ramed_covered: 1,
          max_quantity: 1,
          exclusion: null,
          caesarean: 0,
          import_id: importId,
          created_at: '2026-11-01T08:00:00.000Z',
        })
        .execute();

      expect(await m.migrateToLatest()).toContain('0017_plausibility_rules');
      expect(await m.db.selectFrom('tariff').select(['code', 'price']).execute()).toEqual([{ code: 'MA-ACC', price: 3000 }]);
      const { id: rulesImport } = await m.db
        .insertInto('plausibility_import')
        .values({
          kind: 'controles',
          file_name: 'controles.csv',
          sha256: 'b'.repeat(64),
          imported_at: '2026-11-02T08:00:00.000Z',
          by_login: 'admin',
          lines: 1,
          inserted: 1,
          closed: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rule = {
        code: 'MA-ACC',
        sex: 'F' as const,
        age_min: 12,
        age_max: 55,
        min_days_between: 180,
        max_per_period: null,
        period_days: null,
        max_per_day: null,
        effective_from: '2024-01-01',
        effective_to: null,
        import_id: rulesImport,
        created_at: '2026-11-02T08:00:00.000Z',
      };
      await m.db.insertInto('plausibility_rule').values(rule).execute();
      expect(await m.db.selectFrom('plausibility_rule').select(['code', 'sex', 'per_day']).execute()).toEqual([
        { code: 'MA-ACC', sex: 'F', per_day: 0 },
      ]);
      // One version per code and start date; a sex is F or M; an import is of the rules.
      await expect(m.db.insertInto('plausibility_rule').values(rule).execute()).rejects.toThrow();
      await expect(
        m.db
          .insertInto('plausibility_rule')
          .values({ ...rule, effective_from: '2027-01-01', sex: 'X' as 'F' })
          .execute(),
      ).rejects.toThrow();
      await expect(
        m.db
          .insertInto('plausibility_rule')
          .values({ ...rule, effective_from: '2027-01-01', import_id: 999 })
          .execute(),
      ).rejects.toThrow();
    } finally {
      await m.dispose();
    }
  });
});
