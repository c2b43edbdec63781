import type { Kysely } from 'kysely';
import { openDatabase, type DbHandle } from '../../electron/core/db/connect';
import { migrate } from '../../electron/core/db/migrate';
import { freshDatabase, type TestDbKind } from './db';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their time, untyped
type OldDb = Kysely<any>;

interface MigrationDb {
  /** The file or URL, for opening the base again (e.g. with `openCore`). */
  target: string;
  handle: DbHandle;
  db: OldDb;
  migrateToLatest(): Promise<string[]>;
  /** Up to `target` only: what the migration under test did, before later ones add their columns. */
  migrateTo(target: string): Promise<string[]>;
  dispose(): Promise<void>;
}

/** A database migrated up to `target` only, so a test can fill it as that version left it. */
export async function databaseAt(kind: TestDbKind, target: string): Promise<MigrationDb> {
  const fresh = await freshDatabase(kind);
  const handle = await openDatabase(fresh.target);
  await migrate(handle.db, handle.features, { target });
  return {
    target: fresh.target,
    handle,
    db: handle.db,
    migrateToLatest: () => migrate(handle.db, handle.features),
    migrateTo: (next) => migrate(handle.db, handle.features, { target: next }),
    async dispose() {
      await handle.close();
      await fresh.drop();
    },
  };
}
