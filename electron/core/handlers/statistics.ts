import type { statisticsApi } from '../../../shared/api/statistics';
import { isoToday } from '../clock';
import { dhis2Handlers } from './dhis2';
import { monthlyReport } from '../statistics/monthly-report';
import { statisticsReport } from '../statistics/report';
import type { Handlers } from './types';

export const statisticsHandlers: Handlers<typeof statisticsApi> = {
  'statistics.month': async (input, ctx) => statisticsReport(ctx.db, { kind: 'month', month: input.month }, isoToday(ctx.clock)),
  'statistics.year': async (input, ctx) => statisticsReport(ctx.db, { kind: 'year', year: input.year }, isoToday(ctx.clock)),
  'statistics.monthlyReport': async (input, ctx) => monthlyReport(ctx, input),
  ...dhis2Handlers,
};
