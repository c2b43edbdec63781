import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import type { DialectFeatures } from './dialect';
import { MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/types';

function provider(features: DialectFeatures, migrations: readonly Migration[]): MigrationProvider {
  return {
    getMigrations: async () =>
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      Object.fromEntries(migrations.map((m) => [m.name, { up: (db: Kysely<any>) => m.up(db, features) }])),
  };
}

/** Migrates to the latest schema (or up to `target`, for migration tests). Throws on failure. */
export async function migrate(
  db: Kysely<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  features: DialectFeatures,
  options: { target?: string; migrations?: readonly Migration[] } = {},
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: provider(features, options.migrations ?? MIGRATIONS),
    migrationTableName: 'schema_migration',
    migrationLockTableName: 'schema_migration_lock',
  });
  const { error, results } = options.target ? await migrator.migrateTo(options.target) : await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const what = failed ? `La migration ${failed} a échoué` : 'Mise à jour du schéma impossible';
    throw new Error(`${what} : ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The newest migration applied, or null on an empty database. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function schemaVersion(db: Kysely<any>, features: DialectFeatures): Promise<string | null> {
  const migrator = new Migrator({
    db,
    provider: provider(features, MIGRATIONS),
    migrationTableName: 'schema_migration',
    migrationLockTableName: 'schema_migration_lock',
  });
  const applied = (await migrator.getMigrations()).filter((m) => m.executedAt);
  return applied.at(-1)?.name ?? null;
}

export const LATEST_SCHEMA = MIGRATIONS.at(-1)!.name;

/**
 * Whether every migration of this build is applied, and no other: the usual open, answered by one
 * query where the Migrator reads the whole schema three times and takes its lock (some 25 ms of
 * each `ramed check`). False on an empty or a stranger's database (no such table).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function isUpToDate(db: Kysely<any>, migrations: readonly Migration[] = MIGRATIONS): Promise<boolean> {
  const rows = await db
    .selectFrom('schema_migration')
    .select('name')
    .execute()
    .catch(() => null);
  if (!rows) return false;
  const applied = new Set(rows.map((row: { name: string }) => row.name));
  return applied.size === migrations.length && migrations.every((m) => applied.has(m.name));
}

/** Whether the database has ever been migrated by this app (false: empty, or somebody else's). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function hasRamedSchema(db: Kysely<any>): Promise<boolean> {
  const tables = await db.introspection.getTables();
  return tables.some((t) => t.name === 'schema_migration');
}
