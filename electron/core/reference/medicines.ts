import type { Kysely } from 'kysely';
import type { MedicineEntry } from '../../../shared/domain/reference';
import type { Database } from '../db/schema/index';
import { toMedicineEntry } from '../db/mappers/medicine';
import { isoToday } from '../clock';
import type { ServiceContext } from '../context';

/** The medicines in force on `date`, by DCI. */
export async function listMedicinesInForce(db: Kysely<Database>, date: string): Promise<MedicineEntry[]> {
  const rows = await db
    .selectFrom('medicine')
    .selectAll()
    .where('effective_from', '<=', date)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', date)]))
    .orderBy('dci')
    .orderBy('strength')
    .execute();
  return rows.map(toMedicineEntry);
}

/** The `medicines.list` service: the medicines in force on `date` (default: today). */
export const medicinesInForce = (
  ctx: ServiceContext,
  { date = isoToday(ctx.clock) }: { date?: string | undefined },
): Promise<MedicineEntry[]> => listMedicinesInForce(ctx.db, date);
