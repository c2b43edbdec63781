import { sql, type Kysely } from 'kysely';

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * SQLite cannot drop a NOT NULL constraint: the table is rebuilt the documented way (sqlite.org,
 * « Making Other Kinds Of Table Schema Changes »): foreign keys off, a new table from the stored
 * CREATE text without the constraint, rows copied, old table dropped, new one renamed, its indexes
 * created again from their stored text, the AUTOINCREMENT counter kept, the foreign keys checked,
 * foreign keys back on. Tables referencing it keep their foreign keys (they name it). Runs on the
 * migration's own connection, outside a transaction (SQLite ignores the pragma inside one).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function sqliteDropNotNull(db: Kysely<any>, table: string, column: string): Promise<void> {
  const rows = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master where tbl_name = ${table} and type in ('table', 'index', 'trigger')
  `.execute(db);
  const create = rows.rows.find((r) => r.type === 'table')?.sql;
  if (!create) throw new Error(`Table ${table} introuvable.`);
  // Column names here are plain identifiers (the migration's own), never user input.
  const pattern = new RegExp(`(${quoted(column)}\\s+\\w+)\\s+not\\s+null`, 'i');
  if (!pattern.test(create)) throw new Error(`Colonne ${table}.${column} : contrainte NOT NULL introuvable.`);
  const rebuilt = `${table}_rebuilt`;
  const createRebuilt = create.replace(pattern, '$1').replace(/^create\s+table\s+("[^"]+"|\S+)/i, `create table ${quoted(rebuilt)}`);
  const others = rows.rows.filter((r) => r.type !== 'table' && r.sql !== null);
  const sequence = await sql<{ seq: number }>`select seq from sqlite_sequence where name = ${table}`.execute(db);

  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql.raw(createRebuilt).execute(db);
    await sql.raw(`insert into ${quoted(rebuilt)} select * from ${quoted(table)}`).execute(db);
    await sql.raw(`drop table ${quoted(table)}`).execute(db);
    await sql.raw(`alter table ${quoted(rebuilt)} rename to ${quoted(table)}`).execute(db);
    for (const r of others) await sql.raw(r.sql!).execute(db);
    const seq = sequence.rows[0]?.seq;
    if (seq !== undefined) await sql`update sqlite_sequence set seq = ${seq} where name = ${table}`.execute(db);
    const broken = await sql.raw(`pragma foreign_key_check`).execute(db);
    if (broken.rows.length > 0) throw new Error(`Clés étrangères rompues après la reconstruction de ${table}.`);
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
