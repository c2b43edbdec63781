import { sql, type Kysely } from 'kysely';
import { createFtsTriggers, dropFtsTriggers, emptyFts, rebuildFts } from './name-search';

/**
 * The secondary indexes of `person` (holder, NINA, name search) that a first import of the
 * registry builds once at its end instead of keeping them up to date row by row. While they are
 * set aside, a search by name finds no one (the import answers « registre en cours d'import »).
 */
export interface PersonIndexes {
  /** Sets the indexes aside (nothing to do where they are not set aside). */
  setAside(db: Kysely<any>): Promise<void>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** True while they are set aside. */
  setAsideNow(db: Kysely<any>): Promise<boolean>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /**
   * Builds them again from `person`, in steps; `beforeStep` runs before each (it may throw to stop:
   * a step done stays done, the rest is done by the next call).
   */
  build(db: Kysely<any>, beforeStep: () => Promise<void>): Promise<void>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

// As migration 0002 made them.
const SECONDARY = [
  { name: 'person_holder', column: 'holder_recepisse' },
  { name: 'person_nina', column: 'nina' },
] as const;

/**
 * SQLite: keeping the FTS5 index (prefixes of 2 to 4 letters) and two B-trees in random order up
 * to date costs more per row than building them once from the table. The triggers' absence marks
 * the indexes set aside; the name index is emptied with them, so a search then finds no one.
 */
export const sqlitePersonIndexes: PersonIndexes = {
  async setAside(db) {
    await db.transaction().execute(async (trx) => {
      await dropFtsTriggers(trx);
      await emptyFts(trx);
      for (const index of SECONDARY) await sql`drop index if exists ${sql.id(index.name)}`.execute(trx);
    });
  },
  async setAsideNow(db) {
    const { rows } = await sql`select 1 from sqlite_master where type = 'trigger' and name = 'person_fts_insert'`.execute(db);
    return rows.length === 0;
  },
  async build(db, beforeStep) {
    for (const index of SECONDARY) {
      await beforeStep();
      await sql`create index if not exists ${sql.id(index.name)} on person (${sql.id(index.column)})`.execute(db);
    }
    await beforeStep();
    // Filled and kept in sync from the same instant: no row written in between is missed.
    await db.transaction().execute(async (trx) => {
      await rebuildFts(trx);
      await createFtsTriggers(trx);
    });
  },
};

/** PostgreSQL keeps its indexes up to date during the import (not measured against a bulk build yet). */
export const postgresPersonIndexes: PersonIndexes = {
  async setAside() {},
  setAsideNow: async () => false,
  async build() {},
};
