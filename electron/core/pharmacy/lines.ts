import type { Kysely } from 'kysely';
import type { DispensedLine, UnmetView } from '../../../shared/domain/pharmacy';
import type { Database } from '../db/schema/index';

/** A dispensed line as the monthly claim reads it: the columns of `dispensation` it relies on. */
export interface ClaimMedicineLine {
  id: number;
  episode_id: number;
  medicine_code: string;
  dci: string;
  form: string;
  strength: string;
  quantity: number;
  unit_price: number;
  amount: number;
  dispensed_at: string;
  dispensed_by: string;
  prescriber: string;
  batch_id: number;
  off_list_reason: string | null;
  cancels_id: null;
  cancel_reason: null;
  programme_code: string | null;
}

/**
 * The medicine lines in force on the given episodes, for the claim: neither a cancellation nor a
 * line a later one cancels. Ordered by episode, then by the time of dispensing.
 */
export async function dispensedLines(db: Kysely<Database>, episodeIds: readonly number[]): Promise<ClaimMedicineLine[]> {
  if (episodeIds.length === 0) return [];
  const rows = await db
    .selectFrom('dispensation as d')
    .select([
      'd.id',
      'd.episode_id',
      'd.medicine_code',
      'd.dci',
      'd.form',
      'd.strength',
      'd.quantity',
      'd.unit_price',
      'd.amount',
      'd.dispensed_at',
      'd.dispensed_by',
      'd.prescriber',
      'd.batch_id',
      'd.programme_code',
      'd.off_list_reason',
    ])
    .where('d.episode_id', 'in', [...episodeIds])
    .where('d.cancels_id', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('dispensation as c').select('c.id').whereRef('c.cancels_id', '=', 'd.id'))),
    )
    .orderBy('d.episode_id')
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({ ...r, cancels_id: null, cancel_reason: null }));
}

/** Every line of one episode, with its state and lot, for the dispensing screen. */
export async function episodeLines(db: Kysely<Database>, episodeId: number): Promise<DispensedLine[]> {
  const rows = await db
    .selectFrom('dispensation as d')
    .innerJoin('stock_batch as b', 'b.id', 'd.batch_id')
    .selectAll('d')
    .select('b.lot')
    .where('d.episode_id', '=', episodeId)
    .orderBy('d.id')
    .execute();
  const cancelled = new Set(rows.filter((r) => r.cancels_id !== null).map((r) => r.cancels_id));
  return rows.map((r) => ({
    id: r.id,
    episodeId: r.episode_id,
    medicineCode: r.medicine_code,
    dci: r.dci,
    form: r.form,
    strength: r.strength,
    quantity: r.quantity,
    unitPrice: r.unit_price,
    amount: r.amount,
    dispensedAt: r.dispensed_at,
    dispensedBy: r.dispensed_by,
    prescriber: r.prescriber,
    batchId: r.batch_id,
    lot: r.lot,
    overrideReason: r.override_reason,
    offListReason: r.off_list_reason,
    state: r.cancels_id !== null ? 'annulation' : cancelled.has(r.id) ? 'annulee' : 'active',
    cancelsId: r.cancels_id,
    cancelReason: r.cancel_reason,
    programme: r.programme_code,
  }));
}

export async function episodeUnmet(db: Kysely<Database>, episodeId: number): Promise<UnmetView[]> {
  const rows = await db.selectFrom('unmet_demand').selectAll().where('episode_id', '=', episodeId).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    episodeId: r.episode_id,
    medicineCode: r.medicine_code,
    dci: r.dci,
    requested: r.requested,
    unmet: r.unmet,
    prescriber: r.prescriber,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  }));
}
