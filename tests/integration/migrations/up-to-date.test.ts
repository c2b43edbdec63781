import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/connect';
import { isUpToDate, migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index';
import { describeEachDb, freshDatabase } from '../../support/db';

// Opening skips the Migrator when this answers true: it must never say so of a base that still
// has a migration to run, nor of one a newer build migrated further.
describeEachDb('isUpToDate', (kind) => {
  it('is true only when exactly the migrations of this build are applied', async () => {
    const fresh = await freshDatabase(kind);
    const handle = await openDatabase(fresh.target);
    try {
      expect(await isUpToDate(handle.db)).toBe(false);
      await migrate(handle.db, handle.features, { target: MIGRATIONS.at(-2)!.name });
      expect(await isUpToDate(handle.db)).toBe(false);
      await migrate(handle.db, handle.features);
      expect(await isUpToDate(handle.db)).toBe(true);
      expect(await isUpToDate(handle.db, MIGRATIONS.slice(0, -1))).toBe(false);
      await sql`delete from schema_migration where name = ${MIGRATIONS[0]!.name}`.execute(handle.db);
      expect(await isUpToDate(handle.db)).toBe(false);
    } finally {
      await handle.close();
      await fresh.drop();
    }
  });
});
