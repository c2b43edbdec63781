import type { PullView } from '../../../shared/domain/anam-lists';
import type { ServiceContext } from '../context';

/** The files pulled from the ANAM, newest first. */
export async function pullHistory(ctx: ServiceContext, { limit }: { limit: number }): Promise<PullView[]> {
  const rows = await ctx.db.selectFrom('anam_pull').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    list: r.list,
    sequence: r.sequence === null ? null : Number(r.sequence),
    fileName: r.file_name,
    sha256: r.sha256,
    bytes: Number(r.bytes),
    at: r.at,
    by: r.by_login,
    status: r.status,
    error: r.error,
  }));
}
