import { sql, type Kysely, type Selectable } from 'kysely';
import type { PersonTable } from './schema/registry';

/**
 * Accent- and case-insensitive search on person names, prefix on each word, any word order,
 * ranked. The one place where SQLite (FTS5) and PostgreSQL (unaccent + tsvector) differ for it.
 */
export interface NameSearch {
  /** Creates the index and whatever keeps it in sync with `person` (run by migration 0002). */
  install(db: Kysely<any>): Promise<void>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Makes prefixes of up to 4 letters fast to find (run by migration 0012). */
  indexLongerPrefixes(db: Kysely<any>): Promise<void>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /**
   * The persons whose names hold every word, best first, read by the same query that ranks them;
   * `words` are already folded (see `searchWords`). `prefix`: each word may begin a longer name;
   * otherwise whole names only.
   */
  search(db: Kysely<any>, words: readonly string[], limit: number, prefix: boolean): Promise<Array<Selectable<PersonTable>>>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Folds what a user typed into search words: lower case, no accents, letters and digits only. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * Matches ranked at most, on SQLite. Ranking scores every match, and a few letters of a common
 * name match tens of thousands of persons in the national registry: 0.1 to 1.3 s of work. Past
 * this many, the ones ranked are the first in registry order (the agent has to type more anyway);
 * ranking them costs 0.1 to 0.2 ms each when their pages are not in the cache.
 */
export const RANKED_MATCHES = 100;

const FTS_TRIGGERS = ['person_fts_insert', 'person_fts_delete', 'person_fts_update'] as const;

/** The triggers that keep the FTS5 index in sync with `person`, row by row. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function createFtsTriggers(db: Kysely<any>): Promise<void> {
  await sql`create trigger person_fts_insert after insert on person begin
    insert into person_fts(rowid, family_name, given_names) values (new.id, new.family_name, new.given_names);
  end`.execute(db);
  await sql`create trigger person_fts_delete after delete on person begin
    insert into person_fts(person_fts, rowid, family_name, given_names) values ('delete', old.id, old.family_name, old.given_names);
  end`.execute(db);
  await sql`create trigger person_fts_update after update of family_name, given_names on person begin
    insert into person_fts(person_fts, rowid, family_name, given_names) values ('delete', old.id, old.family_name, old.given_names);
    insert into person_fts(rowid, family_name, given_names) values (new.id, new.family_name, new.given_names);
  end`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function dropFtsTriggers(db: Kysely<any>): Promise<void> {
  for (const trigger of FTS_TRIGGERS) await sql`drop trigger if exists ${sql.id(trigger)}`.execute(db);
}

/** Fills the FTS5 index from `person` in one pass (what it held before is dropped). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function rebuildFts(db: Kysely<any>): Promise<void> {
  await sql`insert into person_fts(person_fts) values ('rebuild')`.execute(db);
}

/** Empties the FTS5 index (the names stay in `person`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function emptyFts(db: Kysely<any>): Promise<void> {
  await sql`insert into person_fts(person_fts) values ('delete-all')`.execute(db);
}

/**
 * The FTS5 index of `person` (external content: the index holds tokens only, the names stay in
 * `person`), with prefix indexes of the given lengths, the triggers that keep it in sync, filled.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createFts(db: Kysely<any>, prefixLengths: '2 3' | '2 3 4'): Promise<void> {
  await sql`create virtual table person_fts using fts5(
    family_name, given_names,
    content='person', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2',
    prefix=${sql.lit(prefixLengths)}
  )`.execute(db);
  await createFtsTriggers(db);
  await rebuildFts(db);
}

export const sqliteNameSearch: NameSearch = {
  install: (db) => createFts(db, '2 3'),
  /**
   * A prefix without its own index is found by merging the lists of every name it begins: 4
   * letters of a common name in the national registry, 15-40 ms each time. FTS5 options cannot
   * change: the index is made again (about 20 s for 3.5 million persons).
   */
  async indexLongerPrefixes(db) {
    await dropFtsTriggers(db);
    await sql`drop table person_fts`.execute(db);
    await createFts(db, '2 3 4');
  },
  async search(db, words, limit, prefix) {
    // Each word quoted (no FTS syntax from the user); all words must match.
    const match = words.map((w) => `"${w}"${prefix ? '*' : ''}`).join(' ');
    // Only the first matches in registry order are ranked (see RANKED_MATCHES); finding them is cheap.
    const rows = await sql<Selectable<PersonTable>>`
      select p.* from person_fts f join person p on p.id = f.rowid
      where person_fts match ${match}
        and f.rowid <= coalesce((select max(rowid) from (
          select rowid from person_fts where person_fts match ${match} order by rowid limit ${Math.max(RANKED_MATCHES, limit)})), 0)
      order by bm25(person_fts, 2.0, 1.0), p.family_name, p.given_names, p.id
      limit ${limit}`.execute(db);
    return rows.rows;
  },
};

const PG_VECTOR = sql`to_tsvector('simple', ramed_unaccent(family_name || ' ' || given_names))`;

// ts_rank's normalization 1 divides by the name's length: shorter names first, as bm25 does.
export const postgresNameSearch: NameSearch = {
  async install(db) {
    // `unaccent` is a trusted extension: the database owner may create it (no superuser needed).
    await sql`create extension if not exists unaccent`.execute(db);
    // unaccent() is only STABLE; an index expression needs an IMMUTABLE function with its dictionary fixed.
    await sql`create or replace function ramed_unaccent(text) returns text
      language sql immutable parallel safe strict
      as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$`.execute(db);
    await sql`create index person_name_search on person using gin (${PG_VECTOR})`.execute(db);
  },
  // The GIN index of the name vectors answers a prefix of any length as well.
  async indexLongerPrefixes() {},
  async search(db, words, limit, prefix) {
    const query = words.map((w) => `'${w}'${prefix ? ':*' : ''}`).join(' & ');
    const rows = await sql<Selectable<PersonTable>>`
      select * from person
      where ${PG_VECTOR} @@ to_tsquery('simple', ramed_unaccent(${query}))
      order by ts_rank(${PG_VECTOR}, to_tsquery('simple', ramed_unaccent(${query})), 1) desc, family_name, given_names, id
      limit ${limit}`.execute(db);
    return rows.rows;
  },
};
