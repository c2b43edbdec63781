import { sql, type Kysely } from 'kysely';
import { responseTotals } from '../../../shared/rules/claim-adjudication';
import type { ResponseTotals } from '../../../shared/domain/claim-responses';
import type { Database } from '../db/schema/index';
import { newestResponseLines } from './newest';

export interface ClaimSending {
  messages: number;
  delivered: number;
  /** Not delivered and still to be sent (exported ones included). */
  pending: number;
  firstSentAt: string | null;
  supersededBy: number | null;
}

export interface ClaimMoney {
  totals: ResponseTotals;
  paid: number;
  sending: ClaimSending;
}

const NONE: ClaimSending = { messages: 0, delivered: 0, pending: 0, firstSentAt: null, supersededBy: null };

const earliest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

/**
 * Per claim version (all, or those named): what its items bill, what the newest answer of each of
 * its Claims decided, what payments cover, and how far its sending went. Sums in SQL: a hospital's
 * month holds thousands of Claims.
 */
export async function claimMoney(db: Kysely<Database>, claimIds?: readonly number[]): Promise<Map<number, ClaimMoney>> {
  if (claimIds && claimIds.length === 0) return new Map();
  const claimed = await db
    .selectFrom('outbox_item')
    .innerJoin('outbox_message', 'outbox_message.id', 'outbox_item.message_id')
    .$if(claimIds !== undefined, (q) => q.where('outbox_message.claim_id', 'in', claimIds!))
    .select(['outbox_message.claim_id as claimId', (eb) => eb.fn.sum<number>('outbox_item.amount').as('amount')])
    .groupBy('outbox_message.claim_id')
    .execute();
  const decided = await newestResponseLines(db)
    .$if(claimIds !== undefined, (q) => q.where('outbox_message.claim_id', 'in', claimIds!))
    .select([
      'outbox_message.claim_id as claimId',
      (eb) => eb.fn.sum<number>('claim_response_line.claimed').as('claimed'),
      (eb) => eb.fn.sum<number>('claim_response_line.accepted').as('accepted'),
    ])
    .groupBy('outbox_message.claim_id')
    .execute();
  const paid = await db
    .selectFrom('payment_allocation')
    .$if(claimIds !== undefined, (q) => q.where('payment_allocation.claim_id', 'in', claimIds!))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('payment_cancellation').select('payment_id').whereRef('payment_id', '=', 'payment_allocation.payment_id'))),
    )
    .select(['payment_allocation.claim_id as claimId', (eb) => eb.fn.sum<number>('payment_allocation.amount').as('amount')])
    .groupBy('payment_allocation.claim_id')
    .execute();
  const sending = await db
    .selectFrom('outbox_message')
    .$if(claimIds !== undefined, (q) => q.where('outbox_message.claim_id', 'in', claimIds!))
    .select([
      'outbox_message.claim_id as claimId',
      (eb) => eb.fn.countAll<number>().as('messages'),
      sql<number>`sum(case when status = 'livre' then 1 else 0 end)`.as('delivered'),
      sql<number>`sum(case when status = 'en_attente' then 1 else 0 end)`.as('pending'),
      (eb) => eb.fn.min('delivered_at').as('firstDelivered'),
      (eb) => eb.fn.min('exported_at').as('firstExported'),
      (eb) => eb.fn.max('superseded_by').as('supersededBy'),
    ])
    .groupBy('outbox_message.claim_id')
    .execute();

  const ids = new Set([...claimed, ...decided, ...paid, ...sending].map((r) => r.claimId));
  const byId = <R extends { claimId: number }>(rows: R[]) => new Map(rows.map((r) => [r.claimId, r]));
  const [c, d, p, s] = [byId(claimed), byId(decided), byId(paid), byId(sending)];
  const out = new Map<number, ClaimMoney>();
  for (const id of ids) {
    const decision = d.get(id);
    const send = s.get(id);
    out.set(id, {
      totals: responseTotals(Number(c.get(id)?.amount ?? 0), [
        { claimed: Number(decision?.claimed ?? 0), accepted: Number(decision?.accepted ?? 0) },
      ]),
      paid: Number(p.get(id)?.amount ?? 0),
      sending: send
        ? {
            messages: Number(send.messages),
            delivered: Number(send.delivered),
            pending: Number(send.pending),
            firstSentAt: earliest(send.firstDelivered, send.firstExported),
            supersededBy: send.supersededBy === null ? null : Number(send.supersededBy),
          }
        : NONE,
    });
  }
  return out;
}

export const emptyMoney = (): ClaimMoney => ({
  totals: { claimed: 0, answered: 0, accepted: 0, rejected: 0 },
  paid: 0,
  sending: NONE,
});
