import type { Selectable } from 'kysely';
import type { ImportSummary, Rejection, RegistryOverview, SignatureStatus } from '../../../shared/domain/registry-import';
import { daysBetween } from '../../../shared/lib/dates';
import { isoToday } from '../clock';
import type { ServiceContext } from '../context';
import type { RegistryImportTable } from '../db/schema/registry';
import { getSetting } from '../settings/settings';

export function toImportSummary(row: Selectable<RegistryImportTable>): ImportSummary {
  return {
    id: row.id,
    fileName: row.file_name,
    sha256: row.sha256,
    mode: row.mode,
    strict: row.strict === 1,
    signature: row.signature as SignatureStatus,
    status: row.status,
    message: row.message,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    byLogin: row.by_login,
    rowsTotal: row.lines_total,
    rowsDone: row.inserted + row.updated + row.unchanged + row.rejected,
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    struckOff: row.struck_off,
    rejected: row.rejected,
    extractDate: row.extract_date,
    sequence: row.sequence === null ? null : Number(row.sequence),
  };
}

/** The registry at a glance for Administration: its size, its age, the last imports. */
export async function registryOverview(ctx: ServiceContext, { limit }: { limit: number }): Promise<RegistryOverview> {
  const { db } = ctx;
  const count = await db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const imports = await db.selectFrom('registry_import').selectAll().orderBy('id', 'desc').limit(limit).execute();
  const last = await db
    .selectFrom('registry_import')
    .select((eb) => eb.fn.max('finished_at').as('at'))
    .where('status', '=', 'done')
    .executeTakeFirst();
  const lastImportAt = (last?.at as string | null | undefined) ?? null;
  const lastImportAgeDays = lastImportAt === null ? null : daysBetween(lastImportAt, isoToday(ctx.clock));
  const freshnessDays = await getSetting(db, 'registry.freshnessDays');
  return {
    persons: Number(count.n),
    lastImportAt,
    lastImportAgeDays,
    freshnessDays,
    stale: lastImportAgeDays === null || lastImportAgeDays > freshnessDays,
    imports: imports.map(toImportSummary),
  };
}

export async function importRejections(
  { db }: ServiceContext,
  { importId, offset, limit }: { importId: number; offset: number; limit: number },
): Promise<{ total: number; rows: Rejection[] }> {
  const total = await db
    .selectFrom('registry_import_rejection')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('import_id', '=', importId)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('registry_import_rejection')
    .select(['line', 'reason'])
    .where('import_id', '=', importId)
    .orderBy('line')
    .orderBy('id')
    .offset(offset)
    .limit(limit)
    .execute();
  return { total: Number(total.n), rows: rows.map((r) => ({ line: Number(r.line), reason: r.reason })) };
}
