import type { SignatureStatus } from '../../../shared/domain/registry-import';
import type { ReferenceImportEntry } from '../../../shared/domain/reference';
import type { ServiceContext } from '../context';

const COLUMNS = [
  'id',
  'kind',
  'file_name',
  'sha256',
  'imported_at',
  'by_login',
  'lines',
  'inserted',
  'closed',
  'signature',
  'warning',
] as const;

/** The latest imports of the tariff, medicine, plausibility and programme lists, newest first. */
export async function referenceImports(ctx: ServiceContext, { limit }: { limit: number }): Promise<ReferenceImportEntry[]> {
  const { db } = ctx;
  const lists = await db.selectFrom('reference_import').select(COLUMNS).orderBy('id', 'desc').limit(limit).execute();
  const controls = await db.selectFrom('plausibility_import').select(COLUMNS).orderBy('id', 'desc').limit(limit).execute();
  const programmes = await db.selectFrom('programme_import').select(COLUMNS).orderBy('id', 'desc').limit(limit).execute();
  return [...lists, ...controls, ...programmes]
    .map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      fileName: r.file_name,
      sha256: r.sha256,
      importedAt: r.imported_at,
      byLogin: r.by_login,
      lines: r.lines,
      inserted: r.inserted,
      closed: r.closed,
      signature: r.signature as SignatureStatus | null,
      warning: r.warning,
    }))
    .sort((a, b) => b.importedAt.localeCompare(a.importedAt) || b.id - a.id)
    .slice(0, limit);
}
