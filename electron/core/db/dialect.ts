import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, SelectQueryBuilder } from 'kysely';
import { postgresNameSearch, sqliteNameSearch, type NameSearch } from './name-search';
import { postgresPersonIndexes, sqlitePersonIndexes, type PersonIndexes } from './person-indexes';
import { sqliteDropNotNull } from './sqlite-rebuild';

export type DbKind = 'sqlite' | 'postgres';

/**
 * Every difference between SQLite and PostgreSQL that the product's code must know,
 * in one place. Services and migrations ask this object instead of testing the kind.
 */
export interface DialectFeatures {
  kind: DbKind;
  /** Adds an auto-incremented integer primary key named `id`. */
  addIdColumn<T extends string, C extends string>(table: CreateTableBuilder<T, C>): CreateTableBuilder<T, C | 'id'>;
  /** Row lock for read-modify-write in a transaction (SQLite's write lock is the whole database). */
  forUpdate<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  /** Column type for large integers (sums of money, byte counts). */
  bigint: 'integer' | 'bigint';
  /** Accent-insensitive name search on `person` (SQLite FTS5, PostgreSQL unaccent + tsvector). */
  nameSearch: NameSearch;
  /** The person indexes a first import of the registry may build at its end (person-indexes.ts). */
  personIndexes: PersonIndexes;
  /** Bound parameters one statement may carry (multi-row inserts are cut to fit). */
  maxParameters: number;
  /**
   * A first import of the registry copies its batches from scratch files the reading thread
   * wrote (registry/stage-batch.ts) instead of sending every value through the driver.
   */
  stagedFirstImport: boolean;
  /** Lets a column hold null (a migration): PostgreSQL alters it, SQLite rebuilds the table. */
  dropNotNull(db: Kysely<any>, table: string, column: string): Promise<void>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const sqlite: DialectFeatures = {
  kind: 'sqlite',
  addIdColumn: (table) => table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement()),
  forUpdate: (query) => query,
  bigint: 'integer',
  nameSearch: sqliteNameSearch,
  personIndexes: sqlitePersonIndexes,
  maxParameters: 32_766,
  stagedFirstImport: true,
  dropNotNull: sqliteDropNotNull,
};

const postgres: DialectFeatures = {
  kind: 'postgres',
  addIdColumn: (table) => table.addColumn('id', 'serial', (c: ColumnDefinitionBuilder) => c.primaryKey()),
  forUpdate: (query) => query.forUpdate(),
  bigint: 'bigint',
  nameSearch: postgresNameSearch,
  personIndexes: postgresPersonIndexes,
  maxParameters: 65_535,
  stagedFirstImport: false,
  dropNotNull: async (db, table, column) => {
    await db.schema
      .alterTable(table)
      .alterColumn(column, (c) => c.dropNotNull())
      .execute();
  },
};

export const dialectFeatures = (kind: DbKind): DialectFeatures => (kind === 'sqlite' ? sqlite : postgres);

/**
 * True when `error` is a unique-constraint violation, as each driver reports it: PostgreSQL's
 * SQLSTATE 23505, SQLite's SQLITE_CONSTRAINT « UNIQUE constraint failed ». Two workstations that
 * write the same row at once meet it; the loser gets a CONFLICT, not an internal error.
 */
export function isUniqueViolation(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === '23505') return true;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT') && /UNIQUE constraint failed/.test(String(message));
}
