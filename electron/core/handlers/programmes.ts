import type { programmesApi } from '../../../shared/api/programmes';
import { tariffInForce } from '../../../shared/domain/reference';
import { isoToday } from '../clock';
import { programmeMonthTotals, programmeStatement } from '../programmes/statement';
import { programmeCsv } from '../programmes/statement-csv';
import { listProgrammes, programmeFile } from '../reference/programme-file';
import { importList } from './reference';
import type { Handlers } from './types';

export const programmesHandlers: Handlers<typeof programmesApi> = {
  'programmes.import': async (input, ctx) => importList(input, ctx, programmeFile),
  'programmes.list': async (input, ctx) => {
    const date = input.date ?? isoToday(ctx.clock);
    return (await listProgrammes(ctx.db)).filter((p) => tariffInForce(p, date));
  },
  'programmes.month': async (input, ctx) => programmeMonthTotals(ctx.db, input.month),
  'programmes.statement': async (input, ctx) => {
    const statement = await programmeStatement(ctx.db, input.month, input.programme);
    const base = `releve-${statement.programme.code}-${statement.facility.code}-${statement.month}`;
    if (input.format === 'pdf') {
      // jsPDF loads with the first PDF, not at every start.
      const { programmePdf } = await import('../programmes/statement-pdf');
      const bytes = programmePdf(statement, { printedAt: ctx.clock.now().toISOString(), appVersion: ctx.appVersion });
      return { fileName: `${base}.pdf`, mimeType: 'application/pdf', base64: Buffer.from(bytes).toString('base64') };
    }
    return {
      fileName: `${base}.csv`,
      mimeType: 'text/csv;charset=utf-8',
      base64: Buffer.from(programmeCsv(statement), 'utf8').toString('base64'),
    };
  },
};
