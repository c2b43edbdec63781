import type { Kysely } from 'kysely';
import type { ClaimExportFormat } from '../../../shared/api/claims';
import type { ClaimDocument } from '../../../shared/domain/claims';
import type { GeneratedFile } from '../../../shared/contract/files';
import { frenchMonth, ofMonth } from '../../../shared/lib/months';
import type { Database } from '../db/schema/index';
import { notFound, refused } from '../errors';
import { claimCsv } from './export/csv';
import { claimBundle } from './export/fhir';
import { latestOf } from './store';
import type { ServiceContext } from '../context';

/** The newest signed version of the month (or the one named): only a signed claim leaves the workstation. */
async function signedVersion(db: Kysely<Database>, month: string, version?: number) {
  let query = db.selectFrom('claim').selectAll().where('month', '=', month).where('status', '<>', 'brouillon');
  query = version !== undefined ? query.where('version', '=', version) : query.where('resubmits_id', 'is', null);
  const row = await query.orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (row) return row;
  if (await latestOf(db, month, version))
    throw refused(`La réclamation ${ofMonth(month)} n’est pas signée : signez-la avant de l’exporter.`);
  throw notFound(`Aucune réclamation pour ${frenchMonth(month)}.`);
}

export async function exportClaim(
  ctx: ServiceContext,
  input: { month: string; version?: number | undefined; format: ClaimExportFormat },
): Promise<GeneratedFile> {
  const row = await signedVersion(ctx.db, input.month, input.version);
  const doc = JSON.parse(row.content!) as ClaimDocument;
  const base = `reclamation-${doc.facility.code}-${doc.month}-v${doc.version}`;
  if (input.format === 'pdf') {
    // jsPDF loads with the first PDF, not at every start.
    const { bordereauPdf } = await import('./export/pdf');
    const bytes = bordereauPdf(doc, {
      sha256: row.sha256!,
      signedAt: row.signed_at!,
      signedBy: row.signed_by!,
      printedAt: ctx.clock.now().toISOString(),
      appVersion: ctx.appVersion,
    });
    return { fileName: `${base}.pdf`, mimeType: 'application/pdf', base64: Buffer.from(bytes).toString('base64') };
  }
  if (input.format === 'fhir') {
    const json = JSON.stringify(claimBundle(doc, row.sha256!, row.signed_at!), null, 2);
    return { fileName: `${base}.fhir.json`, mimeType: 'application/fhir+json', base64: Buffer.from(json, 'utf8').toString('base64') };
  }
  return { fileName: `${base}.csv`, mimeType: 'text/csv;charset=utf-8', base64: Buffer.from(claimCsv(doc), 'utf8').toString('base64') };
}
