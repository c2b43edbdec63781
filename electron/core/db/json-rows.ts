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

/**
 * Each row's tuple back as an object, keyed by `keys` in the order the tuple was built. The
 * objects are made by one literal compiled for these keys (as node-postgres once built its rows):
 * assigning 20 to 42 keys one by one took a third of the read.
 */
export function fromTuples<R>(keys: readonly string[], tuples: ReadonlyArray<string | unknown[]>): R[] {
  const make = objectMaker(keys);
  return tuples.map((tuple) => make(typeof tuple === 'string' ? (JSON.parse(tuple) as unknown[]) : tuple) as R);
}

const makers = new Map<string, (values: unknown[]) => unknown>();

function objectMaker(keys: readonly string[]): (values: unknown[]) => unknown {
  const id = keys.join(',');
  let make = makers.get(id);
  if (!make) {
    // Keys are column names from the code (allColumns), never from input: quoted all the same.
    make = new Function('v', `return { ${keys.map((k, i) => `${JSON.stringify(k)}: v[${i}]`).join(', ')} };`) as (
      values: unknown[],
    ) => unknown;
    makers.set(id, make);
  }
  return make;
}

/**
 * Every column of a table, checked against its kysely type: a column added to the type and not
 * listed here fails to compile (the claim would silently read it as undefined).
 */
export const allColumns =
  <T>() =>
  <const K extends ReadonlyArray<keyof T & string>>(keys: K & ([Exclude<keyof T, K[number]>] extends [never] ? unknown : never)): K =>
    keys;
