import { Kysely, PostgresDialect } from 'kysely';
import { resolve } from 'node:path';
import type Pg from 'pg';
import { dialectFeatures, type DbKind, type DialectFeatures } from './dialect';
import type { Database } from './schema/index';
import { nodeSqliteDialect } from './sqlite-driver';
import { isPostgresUrl } from './target';

export interface DbHandle {
  db: Kysely<Database>;
  features: DialectFeatures;
  kind: DbKind;
  /** What the status bar shows: the file, or the server and database name (never the password). */
  label: string;
  /** The SQLite file (what a backup copies and a restore replaces); null on PostgreSQL. */
  file: string | null;
  close(): Promise<void>;
}

export const SQLITE_PRAGMAS = [
  'pragma journal_mode = wal',
  'pragma foreign_keys = on',
  'pragma busy_timeout = 10000',
  // Claims and the audit trail must survive a power cut: FULL syncs the WAL on every commit.
  'pragma synchronous = full',
];

export { isPostgresUrl };

// Loaded only for a PostgreSQL target: the driver costs a SQLite desk some 150 ms at every start.
async function postgresDriver(): Promise<typeof Pg> {
  const { default: pg } = await import('pg');
  // PostgreSQL returns int8 (counts, sums) and numeric as strings; the product's amounts are
  // integer FCFA well inside Number's exact range.
  pg.types.setTypeParser(20, (v) => Number(v));
  pg.types.setTypeParser(1700, (v) => Number(v));
  return pg;
}

export async function openDatabase(target: string): Promise<DbHandle> {
  if (isPostgresUrl(target)) {
    const pg = await postgresDriver();
    const pool = new pg.Pool({ connectionString: target, max: 8 });
    // An idle connection the server closes (a restart, a dropped link) is discarded by the pool and
    // replaced on the next query; unhandled, its 'error' event would stop the whole process.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(target);
    return {
      db,
      kind: 'postgres',
      features: dialectFeatures('postgres'),
      label: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`,
      file: null,
      close: () => db.destroy(),
    };
  }
  const db = new Kysely<Database>({ dialect: nodeSqliteDialect(target, SQLITE_PRAGMAS) });
  return { db, kind: 'sqlite', features: dialectFeatures('sqlite'), label: target, file: resolve(target), close: () => db.destroy() };
}
