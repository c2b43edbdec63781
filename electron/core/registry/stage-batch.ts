// A batch of checked rows written to a small SQLite file of its own, by the thread that read and
// checked them, for the import to copy into the registry in a few statements (apply-staged.ts).
// Why: handing each value to node-sqlite3 costs some 0.3 µs on the import's thread (about
// 90 million values for the national registry), more than SQLite's own writes; Node's built-in
// SQLite binds the same values several times faster, on the reading thread. Each file is opened
// by one SQLite library at a time (written and closed here, then attached by the import): two
// copies of SQLite must never have the same file open together (sqlite.org/howtocorrupt.html §2.2.1).
import type * as NodeSqlite from 'node:sqlite';
import type { BatchItem } from './apply-batch';
import { REGISTRY_COLUMNS, type RegistryRow } from './registry-row';

/** The staged table's columns after `line`, `recepisse` and `reason` (null for a valid row). */
export const STAGED_ROW_COLUMNS = [...REGISTRY_COLUMNS, 'status_date'] as const;

// The values' columns have no declared type: SQLite then keeps each value as given (a column typed
// ANY or NUMERIC would turn the text « 0042 » into the number 42).
const STAGED_TABLE = `create table row (line integer not null, recepisse text, reason text, ${STAGED_ROW_COLUMNS.join(', ')})`;

type BuiltinSqlite = typeof NodeSqlite;

/**
 * Node's built-in SQLite when this runtime has it (Node ≥ 22.13, the Electron versions on it),
 * else null: the import then writes row by row. Loaded on demand so that a runtime without it
 * still loads the import.
 */
export function builtinSqlite(): BuiltinSqlite | null {
  try {
    return (process.getBuiltinModule('node:sqlite') as BuiltinSqlite | undefined) ?? null;
  } catch {
    return null;
  }
}

// The yes/no flags (0, 1) as integers: node:sqlite binds a JS number as a floating-point value.
const sqliteValue = (value: RegistryRow[keyof RegistryRow]) => (typeof value === 'number' ? BigInt(value) : value);

/** Writes `items` to a new SQLite file `file` (table `row`), in file order. */
export function stageBatch(items: readonly BatchItem[], file: string): void {
  const sqlite = builtinSqlite();
  if (!sqlite) throw new Error('SQLite intégré à Node (node:sqlite) indisponible');
  const db = new sqlite.DatabaseSync(file);
  try {
    // A scratch file: nothing to recover after a crash, the import reads the batch again.
    db.exec(`pragma journal_mode = off; pragma synchronous = off; ${STAGED_TABLE}`);
    const insert = db.prepare(
      `insert into row values (${Array(3 + STAGED_ROW_COLUMNS.length)
        .fill('?')
        .join(', ')})`,
    );
    const empty = Array<null>(STAGED_ROW_COLUMNS.length).fill(null);
    db.exec('begin');
    for (const { line, check } of items) {
      if (!check.ok) {
        insert.run(line, check.recepisse, check.reason, ...empty);
        continue;
      }
      const { row } = check;
      insert.run(line, row.recepisse, null, ...REGISTRY_COLUMNS.map((c) => sqliteValue(row[c])), check.statusDate);
    }
    db.exec('commit');
  } finally {
    db.close();
  }
}
