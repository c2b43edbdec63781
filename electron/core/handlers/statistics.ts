import type { statisticsApi } from '../../../shared/api/statistics';
import { dhis2Handlers } from './dhis2';
import { monthlyReport } from '../statistics/monthly-report';
import { statisticsReport } from '../statistics/report';
import type { Handlers } from './types';

export const statisticsHandlers: Handlers<typeof statisticsApi> = {
  'statistics.month': async (input, ctx) => statisticsReport(ctx, { kind: 'month', month: input.month }),
  'statistics.year': async (input, ctx) => statisticsReport(ctx, { kind: 'year', year: input.year }),
  'statistics.monthlyReport': async (input, ctx) => monthlyReport(ctx, input),
  ...dhis2Handlers,
};
