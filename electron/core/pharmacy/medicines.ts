import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema/index';
import type { MedicineTable } from '../db/schema/reference';

/** The version of a medicine in force on `date`, if the list holds one. */
export async function medicineInForce(db: Kysely<Database>, code: string, date: string): Promise<Selectable<MedicineTable> | undefined> {
  return db
    .selectFrom('medicine')
    .selectAll()
    .where('code', '=', code)
    .where('effective_from', '<=', date)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', date)]))
    .executeTakeFirst();
}

/** The latest version of each medicine ever listed, by code (names for batches of delisted medicines). */
export async function medicineNames(
  db: Kysely<Database>,
): Promise<Map<string, { dci: string; form: string; strength: string; unit: string }>> {
  const rows = await db
    .selectFrom('medicine')
    .select(['code', 'dci', 'form', 'strength', 'unit', 'effective_from'])
    .orderBy('effective_from')
    .execute();
  return new Map(rows.map((r) => [r.code, { dci: r.dci, form: r.form, strength: r.strength, unit: r.unit }]));
}
