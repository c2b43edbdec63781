import type { receptionApi } from '../../../shared/api/reception';
import { admit, checkAtDesk } from '../reception/admit';
import { deskDay } from '../reception/day';
import { admissionSlip } from '../reception/slip';
import type { Handlers } from './types';

export const receptionHandlers: Handlers<typeof receptionApi> = {
  'reception.check': async (input, ctx) => {
    ctx.audit.entityId = input.recepisse;
    return checkAtDesk(ctx, input);
  },
  'reception.admit': async (input, ctx) => {
    const result = await admit(ctx, input);
    ctx.audit.entityId = result.outcome === 'admitted' ? result.number : input.recepisse;
    ctx.audit.detail = { outcome: result.outcome, identityDocument: input.identityDocument };
    return result;
  },
  'reception.slip': async (input, ctx) => admissionSlip(ctx, input),
  'reception.day': async (input, ctx) => deskDay(ctx, input),
};
