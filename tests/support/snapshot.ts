import type { Kysely } from 'kysely';

/** Tables every call may write to: the audit trail and its head. */
const AUDIT_TABLES = new Set(['audit_log', 'audit_head', 'schema_migration', 'schema_migration_lock']);

/**
 * Row counts of every table of the database except the audit's, found by introspection so that
 * a table added by any feature is counted too.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- every table, whatever the schema
export async function tableCounts(db: Kysely<any>): Promise<Record<string, number>> {
  const tables = (await db.introspection.getTables()).map((t) => t.name).filter((name) => !AUDIT_TABLES.has(name));
  const counts: Record<string, number> = {};
  for (const name of tables.sort()) {
    const row = await db
      .selectFrom(name)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[name] = Number(row.n);
  }
  return counts;
}
