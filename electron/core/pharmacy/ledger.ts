import { sql, type Kysely } from 'kysely';
import type { MovementKind } from '../../../shared/domain/pharmacy';
import type { Database } from '../db/schema/index';
import { conflict } from '../errors';

export interface Movement {
  batchId: number;
  kind: MovementKind;
  /** Signed: units in are positive, units out negative. */
  quantity: number;
  reason: string | null;
  dispensationId: number | null;
  at: string;
  login: string;
}

/**
 * Appends a ledger entry and moves the batch's cached balance with it, in the caller's transaction.
 * The update only applies while the balance stays non-negative: if another workstation took the
 * units first, nothing is written and the whole operation is refused.
 */
export async function addMovement(db: Kysely<Database>, m: Movement): Promise<number> {
  const updated = await db
    .updateTable('stock_batch')
    .set({ quantity: sql<number>`quantity + ${m.quantity}` })
    .where('id', '=', m.batchId)
    .where('quantity', '>=', -m.quantity)
    .returning('quantity')
    .executeTakeFirst();
  if (!updated) throw conflict('Le stock de ce lot vient de changer (autre poste) : rechargez et recommencez.');
  await db
    .insertInto('stock_movement')
    .values({
      batch_id: m.batchId,
      kind: m.kind,
      quantity: m.quantity,
      balance: updated.quantity,
      reason: m.reason,
      dispensation_id: m.dispensationId,
      at: m.at,
      by_login: m.login,
    })
    .execute();
  return updated.quantity;
}

export interface LedgerMismatch {
  batchId: number;
  cached: number;
  ledger: number;
}

/** Batches whose cached quantity differs from the sum of their ledger entries (none, when all is well). */
export async function ledgerMismatches(db: Kysely<Database>): Promise<LedgerMismatch[]> {
  const rows = await db
    .selectFrom('stock_batch as b')
    .leftJoin('stock_movement as m', 'm.batch_id', 'b.id')
    .select(['b.id', 'b.quantity', sql<number>`coalesce(sum(m.quantity), 0)`.as('ledger')])
    .groupBy(['b.id', 'b.quantity'])
    .execute();
  return rows.map((r) => ({ batchId: r.id, cached: Number(r.quantity), ledger: Number(r.ledger) })).filter((r) => r.cached !== r.ledger);
}
