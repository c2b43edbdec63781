import type { PaymentView } from '../../../shared/domain/payments';
import type { ServiceContext } from '../context';

/** Payments (all, or those of `ids`), newest first, with their allocations and what is left to allocate. */
export async function listPayments({ db }: ServiceContext, { ids }: { ids?: readonly number[] }): Promise<PaymentView[]> {
  if (ids && ids.length === 0) return [];
  const payments = await db
    .selectFrom('payment')
    .leftJoin('payment_cancellation', 'payment_cancellation.payment_id', 'payment.id')
    .selectAll('payment')
    .select(['payment_cancellation.at as cancelled_at', 'payment_cancellation.by_login as cancelled_by', 'payment_cancellation.reason'])
    .$if(ids !== undefined, (q) => q.where('payment.id', 'in', ids!))
    .orderBy('payment.paid_on', 'desc')
    .orderBy('payment.id', 'desc')
    .execute();
  const allocations = await db
    .selectFrom('payment_allocation')
    .innerJoin('claim', 'claim.id', 'payment_allocation.claim_id')
    .select([
      'payment_allocation.id',
      'payment_allocation.payment_id',
      'payment_allocation.claim_id',
      'payment_allocation.amount',
      'payment_allocation.at',
      'payment_allocation.by_login',
      'claim.month',
      'claim.version',
    ])
    .$if(ids !== undefined, (q) => q.where('payment_allocation.payment_id', 'in', ids!))
    .orderBy('payment_allocation.id')
    .execute();
  return payments.map((p) => {
    const own = allocations
      .filter((a) => a.payment_id === p.id)
      .map((a) => ({
        id: a.id,
        claimId: a.claim_id,
        month: a.month,
        version: a.version,
        amount: Number(a.amount),
        at: a.at,
        by: a.by_login,
      }));
    const allocated = own.reduce((sum, a) => sum + a.amount, 0);
    return {
      id: p.id,
      paidOn: p.paid_on,
      amount: Number(p.amount),
      reference: p.reference,
      note: p.note,
      recordedAt: p.recorded_at,
      recordedBy: p.recorded_by,
      allocated,
      unallocated: Number(p.amount) - allocated,
      cancelled: p.cancelled_at ? { at: p.cancelled_at, by: p.cancelled_by!, reason: p.reason! } : null,
      allocations: own,
    };
  });
}
