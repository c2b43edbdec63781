import type { GeneratedFile } from '../../../shared/contract/files';
import { isoNow } from '../clock';
import { statisticsReport } from './report';
import type { ServiceContext } from '../context';

/** The district's monthly report as a file for the window (or the CLI) to save. */
export async function monthlyReport(ctx: ServiceContext, { month }: { month: string }): Promise<GeneratedFile> {
  const report = await statisticsReport(ctx, { kind: 'month', month });
  // jsPDF loads with the first PDF, not at every start.
  const { monthlyReportPdf } = await import('./monthly-pdf');
  const bytes = monthlyReportPdf(report, { printedAt: isoNow(ctx.clock), appVersion: ctx.appVersion });
  return {
    fileName: `rapport-ramed-${report.facility?.code ?? 'etablissement'}-${month}.pdf`,
    mimeType: 'application/pdf',
    base64: Buffer.from(bytes).toString('base64'),
  };
}
