import type { paymentsApi } from '../../../shared/api/payments';
import type { HandlerContext } from '../context';
import { listPayments } from '../payments/list';
import type { PaymentWriter } from '../payments/ledger';
import { allocatePayment, cancelPayment, recordPayment } from '../payments/record';
import type { Handlers } from './types';

const writer = (ctx: HandlerContext): PaymentWriter => ({
  db: ctx.db,
  features: ctx.deps.handle.features,
  clock: ctx.deps.clock,
  login: ctx.actor?.login ?? 'anonyme',
});

async function viewOf(ctx: HandlerContext, id: number) {
  const [payment] = await listPayments(ctx.db, [id]);
  ctx.audit.entityId = String(id);
  return payment!;
}

export const paymentsHandlers: Handlers<typeof paymentsApi> = {
  'payments.list': async (_input, ctx) => listPayments(ctx.db),
  'payments.add': async (input, ctx) => viewOf(ctx, await recordPayment(writer(ctx), input)),
  'payments.allocate': async (input, ctx) => {
    await allocatePayment(writer(ctx), input.paymentId, input.allocations);
    return viewOf(ctx, input.paymentId);
  },
  'payments.cancel': async (input, ctx) => {
    await cancelPayment(writer(ctx), input);
    return viewOf(ctx, input.paymentId);
  },
};
