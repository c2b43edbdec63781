import type { statisticsApi } from '../../../shared/api/statistics';
import { dhis2Preview } from '../dhis2/preview';
import { listDhis2Sends, sendToDhis2 } from '../dhis2/sends';
import type { Handlers } from './types';

/** The DHIS2 part of the statistics group (statistics.ts spreads it). */
export const dhis2Handlers: Pick<
  Handlers<typeof statisticsApi>,
  'statistics.snisPreview' | 'statistics.snisSend' | 'statistics.snisSends'
> = {
  'statistics.snisPreview': async (input, ctx) => dhis2Preview(ctx, input),
  'statistics.snisSend': async (input, ctx) => {
    const sent = await sendToDhis2(ctx, input);
    ctx.audit.entityId = String(sent.id);
    ctx.audit.detail = {
      month: sent.month,
      status: sent.status,
      httpStatus: sent.httpStatus,
      valuesSent: sent.valuesSent,
      conflicts: sent.conflicts.length,
    };
    return sent;
  },
  'statistics.snisSends': async (input, ctx) => listDhis2Sends(ctx, input),
};
