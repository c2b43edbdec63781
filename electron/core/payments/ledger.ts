import { outstandingOf } from '../../../shared/rules/claim-adjudication';
import { formatAmount } from '../../../shared/lib/money';
import { frenchMonth } from '../../../shared/lib/months';
import { conflict, DomainError, notFound } from '../errors';
import { refreshClaimStatus } from '../responses/claim-status';
import { claimMoney, emptyMoney } from '../responses/totals';
import type { ServiceContext } from '../context';

export interface AllocationInput {
  month: string;
  version: number;
  amount: number;
}

const invalid = (field: string, message: string) => new DomainError('INVALID_INPUT', message, { [field]: message });

/**
 * Payments are written one at a time for the facility (its single row is the lock): two managers
 * recording or allocating at once take turns, so neither a payment nor a claim is over-allocated
 * and a reference is not recorded twice. Claims are then locked in id order (as the ANAM's
 * answers lock them), so what is left to pay is read after any answer in flight.
 */
export async function lockLedger(ctx: ServiceContext): Promise<void> {
  await ctx.features.forUpdate(ctx.db.selectFrom('facility').select('id').where('id', '=', 1)).execute();
}

/** Sets parts of a payment against claim versions, within what is left on both sides. */
export async function allocate(ctx: ServiceContext, paymentId: number, allocations: readonly AllocationInput[]): Promise<void> {
  if (allocations.length === 0) return;
  const payment = await ctx.db
    .selectFrom('payment')
    .leftJoin('payment_cancellation', 'payment_cancellation.payment_id', 'payment.id')
    .select(['payment.id', 'payment.amount', 'payment.reference', 'payment_cancellation.at as cancelled_at'])
    .where('payment.id', '=', paymentId)
    .executeTakeFirst();
  if (!payment) throw notFound('Paiement introuvable.');
  if (payment.cancelled_at) throw conflict(`Le paiement ${payment.reference} a été annulé : il ne se répartit plus.`);

  const claims: Array<{ id: number; month: string; version: number; amount: number; field: string }> = [];
  for (const [i, a] of allocations.entries()) {
    const field = `allocations.${i}`;
    const claim = await ctx.db
      .selectFrom('claim')
      .select(['id', 'month', 'version', 'status'])
      .where('month', '=', a.month)
      .where('version', '=', a.version)
      .executeTakeFirst();
    if (!claim) throw invalid(`${field}.version`, `Aucune réclamation de ${frenchMonth(a.month)} en version ${a.version}.`);
    if (claim.status === 'brouillon')
      throw invalid(`${field}.version`, `La version ${a.version} de ${frenchMonth(a.month)} n’est pas signée.`);
    if (claims.some((c) => c.id === claim.id)) {
      throw invalid(`${field}.version`, `${frenchMonth(a.month)} version ${a.version} figure deux fois dans la répartition.`);
    }
    claims.push({ ...claim, amount: a.amount, field });
  }
  for (const c of [...claims].sort((a, b) => a.id - b.id)) {
    await ctx.features.forUpdate(ctx.db.selectFrom('claim').select('id').where('id', '=', c.id)).execute();
  }

  const money = await claimMoney(
    ctx.db,
    claims.map((c) => c.id),
  );
  for (const c of claims) {
    const m = money.get(c.id) ?? emptyMoney();
    if (m.sending.supersededBy !== null && m.sending.delivered === 0) {
      throw invalid(
        `${c.field}.version`,
        `La version ${c.version} de ${frenchMonth(c.month)} a été remplacée avant son envoi : elle ne se paie pas.`,
      );
    }
    const left = outstandingOf(m.totals, m.paid);
    if (c.amount > left) {
      throw invalid(
        `${c.field}.amount`,
        `${formatAmount(c.amount)} dépassent ce qui reste à payer sur ${frenchMonth(c.month)} version ${c.version} (${formatAmount(Math.max(0, left))}).`,
      );
    }
  }
  const already = await ctx.db
    .selectFrom('payment_allocation')
    .select((eb) => eb.fn.sum<number>('amount').as('total'))
    .where('payment_id', '=', paymentId)
    .executeTakeFirstOrThrow();
  const free = Number(payment.amount) - Number(already.total ?? 0);
  const asked = claims.reduce((sum, c) => sum + c.amount, 0);
  if (asked > free) {
    throw invalid(
      'allocations',
      `La répartition (${formatAmount(asked)}) dépasse ce qui reste du paiement à répartir (${formatAmount(free)}).`,
    );
  }

  const at = ctx.clock.now().toISOString();
  await ctx.db
    .insertInto('payment_allocation')
    .values(claims.map((c) => ({ payment_id: paymentId, claim_id: c.id, amount: c.amount, at, by_login: ctx.login })))
    .execute();
  for (const c of claims) await refreshClaimStatus(ctx.db, c.id);
}
