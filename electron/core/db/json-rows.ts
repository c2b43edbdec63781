import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * Reads of many rows and many columns (a month's claim: 20,000 episodes, 86,000 lines) cost more
 * in node-sqlite3 building one JS value per column than in SQLite finding them. Selected as one
 * JSON array per row instead, they come back as one string that V8 parses: 3× faster on the
 * claim's lines (docs/performance.md). PostgreSQL's driver parses its `json` itself.
 */

/** `columns` (qualified references such as `person.id`) as one JSON array value. */
export function jsonTuple<DB>(db: Kysely<DB>, columns: readonly string[]): RawBuilder<string | unknown[]> {
  const build = db.getExecutor().adapter instanceof PostgresAdapter ? sql.raw('json_build_array') : sql.raw('json_array');
  return sql<string | unknown[]>`${build}(${sql.join(columns.map((c) => sql.ref(c)))})`;
}

/** Each row's tuple back as an object, keyed by `keys` in the order the tuple was built. */
export function fromTuples<R>(keys: readonly string[], tuples: ReadonlyArray<string | unknown[]>): R[] {
  return tuples.map((tuple) => {
    const values = typeof tuple === 'string' ? (JSON.parse(tuple) as unknown[]) : tuple;
    const row: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) row[keys[i]!] = values[i];
    return row as R;
  });
}

/**
 * Every column of a table, checked against its kysely type: a column added to the type and not
 * listed here fails to compile (the claim would silently read it as undefined).
 */
export const allColumns =
  <T>() =>
  <const K extends ReadonlyArray<keyof T & string>>(keys: K & ([Exclude<keyof T, K[number]>] extends [never] ? unknown : never)): K =>
    keys;
