import type { programmesApi } from '../../../shared/api/programmes';
import { programmesInForce } from '../programmes/in-force';
import { programmeMonthTotals } from '../programmes/statement';
import { programmeStatementFile } from '../programmes/statement-file';
import { programmeFile } from '../reference/programme-file';
import { importList } from './reference';
import type { Handlers } from './types';

export const programmesHandlers: Handlers<typeof programmesApi> = {
  'programmes.import': async (input, ctx) => importList(input, ctx, programmeFile),
  'programmes.list': async (input, ctx) => programmesInForce(ctx, input),
  'programmes.month': async (input, ctx) => programmeMonthTotals(ctx, input),
  'programmes.statement': async (input, ctx) => programmeStatementFile(ctx, input),
};
