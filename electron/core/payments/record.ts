import { frenchDate } from '../../../shared/lib/dates';
import { formatAmount } from '../../../shared/lib/money';
import { isoToday } from '../clock';
import { conflict, DomainError, notFound } from '../errors';
import { refreshClaimStatus } from '../responses/claim-status';
import { allocate, lockLedger, type AllocationInput } from './ledger';
import type { ServiceContext } from '../context';

export interface PaymentInput {
  paidOn: string;
  amount: number;
  reference: string;
  note?: string | undefined;
  allocations: AllocationInput[];
}

/** Records a payment of the ANAM and, at once, its allocation to claims (or part of it). */
export async function recordPayment(ctx: ServiceContext, input: PaymentInput): Promise<number> {
  if (input.paidOn > isoToday(ctx.clock)) {
    const message = 'La date du paiement ne peut pas être dans le futur.';
    throw new DomainError('INVALID_INPUT', message, { paidOn: message });
  }
  await lockLedger(ctx);
  const same = await ctx.db
    .selectFrom('payment')
    .select(['paid_on', 'amount', 'recorded_by'])
    .where('reference', '=', input.reference)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('payment_cancellation').select('payment_id').whereRef('payment_id', '=', 'payment.id'))))
    .executeTakeFirst();
  if (same) {
    const message = `Un paiement de référence ${input.reference} est déjà enregistré (${formatAmount(Number(same.amount))} le ${frenchDate(same.paid_on)}, par ${same.recorded_by}).`;
    throw new DomainError('CONFLICT', message, { reference: message });
  }
  const row = await ctx.db
    .insertInto('payment')
    .values({
      paid_on: input.paidOn,
      amount: input.amount,
      reference: input.reference,
      note: input.note || null,
      recorded_at: ctx.clock.now().toISOString(),
      recorded_by: ctx.login,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await allocate(ctx, row.id, input.allocations);
  return row.id;
}

/** Allocates what is left of an earlier payment. */
export async function allocatePayment(
  ctx: ServiceContext,
  { paymentId, allocations }: { paymentId: number; allocations: AllocationInput[] },
): Promise<void> {
  await lockLedger(ctx);
  await allocate(ctx, paymentId, allocations);
}

/** A payment recorded by mistake stops counting, with its allocations; all of it stays recorded. */
export async function cancelPayment(ctx: ServiceContext, input: { paymentId: number; reason: string }): Promise<void> {
  await lockLedger(ctx);
  const payment = await ctx.db
    .selectFrom('payment')
    .leftJoin('payment_cancellation', 'payment_cancellation.payment_id', 'payment.id')
    .select(['payment.reference', 'payment_cancellation.at', 'payment_cancellation.by_login'])
    .where('payment.id', '=', input.paymentId)
    .executeTakeFirst();
  if (!payment) throw notFound('Paiement introuvable.');
  if (payment.at) throw conflict(`Ce paiement a déjà été annulé le ${frenchDate(payment.at)} par ${payment.by_login}.`);
  await ctx.db
    .insertInto('payment_cancellation')
    .values({ payment_id: input.paymentId, at: ctx.clock.now().toISOString(), by_login: ctx.login, reason: input.reason })
    .execute();
  const claims = await ctx.db
    .selectFrom('payment_allocation')
    .select('claim_id')
    .distinct()
    .where('payment_id', '=', input.paymentId)
    .orderBy('claim_id')
    .execute();
  for (const { claim_id } of claims) {
    await ctx.features.forUpdate(ctx.db.selectFrom('claim').select('id').where('id', '=', claim_id)).execute();
    await refreshClaimStatus(ctx.db, claim_id);
  }
}
