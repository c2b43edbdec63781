import type { Selectable } from 'kysely';
import type { DispensedLine } from '../../../../shared/domain/pharmacy';
import type { DispensationTable } from '../schema/pharmacy';

/** A dispensed line in force as the monthly claim reads it: the columns of `dispensation` it relies on. */
export type ClaimMedicineLine = Pick<
  Selectable<DispensationTable>,
  | 'id'
  | 'episode_id'
  | 'medicine_code'
  | 'dci'
  | 'form'
  | 'strength'
  | 'quantity'
  | 'unit_price'
  | 'amount'
  | 'dispensed_at'
  | 'dispensed_by'
  | 'prescriber'
  | 'batch_id'
  | 'programme_code'
  | 'off_list_reason'
> & { cancels_id: null; cancel_reason: null };

/** A dispensed line with its lot and its state: `cancelled` holds the ids a later line cancels. */
export function toDispensedLine(row: Selectable<DispensationTable> & { lot: string }, cancelled: ReadonlySet<number>): DispensedLine {
  return {
    id: row.id,
    episodeId: row.episode_id,
    medicineCode: row.medicine_code,
    dci: row.dci,
    form: row.form,
    strength: row.strength,
    quantity: row.quantity,
    unitPrice: row.unit_price,
    amount: row.amount,
    dispensedAt: row.dispensed_at,
    dispensedBy: row.dispensed_by,
    prescriber: row.prescriber,
    batchId: row.batch_id,
    lot: row.lot,
    overrideReason: row.override_reason,
    offListReason: row.off_list_reason,
    state: row.cancels_id !== null ? 'annulation' : cancelled.has(row.id) ? 'annulee' : 'active',
    cancelsId: row.cancels_id,
    cancelReason: row.cancel_reason,
    programme: row.programme_code,
  };
}
