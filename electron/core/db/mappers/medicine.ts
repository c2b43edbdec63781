import type { Selectable } from 'kysely';
import type { MedicineEntry } from '../../../../shared/domain/reference';
import type { MedicineTable } from '../schema/reference';

/** A version of a medicine of the national list, as the lists, the pharmacy and the claim read it. */
export function toMedicineEntry(row: Selectable<MedicineTable>): MedicineEntry {
  return {
    id: row.id,
    code: row.code,
    dci: row.dci,
    form: row.form,
    strength: row.strength,
    unit: row.unit,
    price: row.price,
    essential: row.essential === 1,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
  };
}
