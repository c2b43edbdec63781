import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

describeEachDb('migration 0026_reference_signature', (kind) => {
  it('keeps the reference, control and programme import history of 0024 with no signature recorded, and records one from then on', async () => {
    const m = await databaseAt(kind, '0024_programmes');
    try {
      const base = {
        sha256: 'c'.repeat(64),
        imported_at: '2026-11-16T09:00:00.000Z',
        by_login: 'admin',
        lines: 12,
        inserted: 12,
        closed: 0,
      };
      await m.db
        .insertInto('reference_import')
        .values({ ...base, kind: 'tarifs', file_name: 'tarifs.csv' })
        .execute();
      await m.db
        .insertInto('plausibility_import')
        .values({ ...base, kind: 'controles', file_name: 'controles.csv' })
        .execute();
      await m.db
        .insertInto('programme_import')
        .values({ ...base, kind: 'programmes', file_name: 'programmes.csv' })
        .execute();
      expect(await m.migrateToLatest()).toContain('0026_reference_signature');
      for (const table of ['reference_import', 'plausibility_import', 'programme_import'] as const) {
        expect(await m.db.selectFrom(table).select(['lines', 'signature', 'warning']).execute()).toEqual([
          { lines: 12, signature: null, warning: null },
        ]);
      }
      await m.db.updateTable('reference_import').set({ signature: 'missing', warning: 'non signée' }).execute();
      expect(await m.db.selectFrom('reference_import').select(['signature', 'warning']).execute()).toEqual([
        { signature: 'missing', warning: 'non signée' },
      ]);
    } finally {
      await m.dispose();
    }
  });
});
