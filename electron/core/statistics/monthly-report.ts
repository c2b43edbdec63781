import type { Kysely } from 'kysely';
import type { GeneratedFile } from '../../../shared/contract/files';
import { isoNow, isoToday, type Clock } from '../clock';
import type { Database } from '../db/schema/index';
import { monthlyReportPdf } from './monthly-pdf';
import { statisticsReport } from './report';

/** The district's monthly report as a file for the window (or the CLI) to save. */
export async function monthlyReport(
  db: Kysely<Database>,
  month: string,
  env: { clock: Clock; appVersion: string },
): Promise<GeneratedFile> {
  const report = await statisticsReport(db, { kind: 'month', month }, isoToday(env.clock));
  const bytes = monthlyReportPdf(report, { printedAt: isoNow(env.clock), appVersion: env.appVersion });
  return {
    fileName: `rapport-ramed-${report.facility?.code ?? 'etablissement'}-${month}.pdf`,
    mimeType: 'application/pdf',
    base64: Buffer.from(bytes).toString('base64'),
  };
}
