import type { paymentsApi } from '../../../shared/api/payments';
import type { HandlerContext } from '../context';
import { listPayments } from '../payments/list';
import { allocatePayment, cancelPayment, recordPayment } from '../payments/record';
import type { Handlers } from './types';

async function viewOf(ctx: HandlerContext, id: number) {
  const [payment] = await listPayments(ctx, { ids: [id] });
  ctx.audit.entityId = String(id);
  return payment!;
}

export const paymentsHandlers: Handlers<typeof paymentsApi> = {
  'payments.list': async (input, ctx) => listPayments(ctx, input),
  'payments.add': async (input, ctx) => viewOf(ctx, await recordPayment(ctx, input)),
  'payments.allocate': async (input, ctx) => {
    await allocatePayment(ctx, input);
    return viewOf(ctx, input.paymentId);
  },
  'payments.cancel': async (input, ctx) => {
    await cancelPayment(ctx, input);
    return viewOf(ctx, input.paymentId);
  },
};
