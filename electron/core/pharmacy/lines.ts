import type { Kysely } from 'kysely';
import type { DispensedLine, UnmetView } from '../../../shared/domain/pharmacy';
import type { ServiceContext } from '../context';
import type { Database } from '../db/schema/index';
import { toDispensedLine, type ClaimMedicineLine } from '../db/mappers/dispensation';

export type { ClaimMedicineLine };

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
  const cancelled = new Set(rows.flatMap((r) => (r.cancels_id === null ? [] : [r.cancels_id])));
  return rows.map((r) => toDispensedLine(r, cancelled));
}

/** One dispensing line as its episode's screen shows it (a cancellation: its state and lot). */
export async function dispensedLine({ db }: ServiceContext, id: number): Promise<DispensedLine> {
  const line = await db.selectFrom('dispensation').select('episode_id').where('id', '=', id).executeTakeFirstOrThrow();
  return (await episodeLines(db, line.episode_id)).find((l) => l.id === id)!;
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
