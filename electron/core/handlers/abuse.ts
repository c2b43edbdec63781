import type { abuseApi } from '../../../shared/api/abuse';
import { abuseReport } from '../abuse/control-view';
import type { Handlers } from './types';

export const abuseHandlers: Handlers<typeof abuseApi> = {
  'abuse.month': async (input, ctx) => abuseReport(ctx, input),
};
