import type { PROGRAMME_STATEMENT_FORMATS } from '../../../shared/api/programmes';
import type { GeneratedFile } from '../../../shared/contract/files';
import type { ServiceContext } from '../context';
import { programmeStatement } from './statement';
import { programmeCsv } from './statement-csv';

/** One programme's statement for the month, as the file the gestionnaire downloads (PDF or CSV). */
export async function programmeStatementFile(
  ctx: ServiceContext,
  input: { month: string; programme: string; format: (typeof PROGRAMME_STATEMENT_FORMATS)[number] },
): Promise<GeneratedFile> {
  const statement = await programmeStatement(ctx, input);
  const base = `releve-${statement.programme.code}-${statement.facility.code}-${statement.month}`;
  if (input.format === 'pdf') {
    // jsPDF loads with the first PDF, not at every start.
    const { programmePdf } = await import('./statement-pdf');
    const bytes = programmePdf(statement, { printedAt: ctx.clock.now().toISOString(), appVersion: ctx.appVersion });
    return { fileName: `${base}.pdf`, mimeType: 'application/pdf', base64: Buffer.from(bytes).toString('base64') };
  }
  return {
    fileName: `${base}.csv`,
    mimeType: 'text/csv;charset=utf-8',
    base64: Buffer.from(programmeCsv(statement), 'utf8').toString('base64'),
  };
}
