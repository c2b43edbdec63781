import type { Kysely } from 'kysely';
import { daysBetween } from '../../../shared/lib/dates';
import type { PaymentFigures } from '../../../shared/domain/statistics';
import type { Database } from '../db/schema/index';

/**
 * What the ANAM paid for the claims of these months (any version), by claim month, and the mean
 * number of days from each claim's sign-off to the payment that settled it (one per allocation).
 * A cancelled payment counts for nothing. Null when nothing was paid.
 */
export async function paymentFigures(db: Kysely<Database>, months: readonly string[]): Promise<PaymentFigures | null> {
  if (months.length === 0) return null;
  const rows = await db
    .selectFrom('payment_allocation as a')
    .innerJoin('payment as p', 'p.id', 'a.payment_id')
    .innerJoin('claim as c', 'c.id', 'a.claim_id')
    .select(['c.month', 'c.signed_at', 'p.paid_on', 'a.amount'])
    .where('c.month', 'in', [...months])
    .where('p.id', 'not in', db.selectFrom('payment_cancellation').select('payment_id'))
    .execute();
  if (rows.length === 0) return null;
  const paid = new Map<string, number>();
  for (const r of rows) paid.set(r.month, (paid.get(r.month) ?? 0) + Number(r.amount));
  const delays = rows.filter((r) => r.signed_at !== null).map((r) => daysBetween(r.signed_at!.slice(0, 10), r.paid_on));
  return {
    months: months.filter((m) => paid.has(m)).map((month) => ({ month, paid: paid.get(month)! })),
    averageDelayDays: delays.length ? Math.round(delays.reduce((s, d) => s + d, 0) / delays.length) : null,
  };
}
