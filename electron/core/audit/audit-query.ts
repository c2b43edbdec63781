import type { Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import { addDays } from '../../../shared/lib/dates';
import { stringify } from 'csv-stringify/sync';
import {
  AUDIT_EXPORT_MAX_ROWS,
  AUDIT_OUTCOME_LABELS,
  type AuditExportFilter,
  type AuditPage,
  type AuditRow,
} from '../../../shared/domain/audit';
import { auditEntityLabel, auditMethodLabel, describeAuditSummary } from '../../../shared/domain/audit-labels';
import { formatInteger } from '../../../shared/lib/money';
import type { GeneratedFile } from '../../../shared/contract/files';
import { isoToday } from '../clock';
import type { ServiceContext } from '../context';
import { refused } from '../errors';
import type { Database } from '../db/schema/index';
import type { AuditLogTable } from '../db/schema/system';

type AuditQuery = SelectQueryBuilder<Database, 'audit_log', object>;

function filtered(db: Kysely<Database>, f: AuditExportFilter): AuditQuery {
  let q: AuditQuery = db.selectFrom('audit_log');
  if (f.login) q = q.where('actor_login', '=', f.login);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.method) q = q.where('method', '=', f.method);
  if (f.outcome) q = q.where('outcome', '=', f.outcome);
  // `at` is an ISO timestamp (UTC, the Bamako calendar): a day is a range of text.
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', addDays(f.to, 1));
  return q;
}

/** One page of the audit trail, newest first, with the count of all rows the filters match. */
export async function listAudit(ctx: ServiceContext, f: AuditExportFilter & { page: number; pageSize: number }): Promise<AuditPage> {
  const { db } = ctx;
  const { total } = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await filtered(db, f)
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(f.pageSize)
    .offset(f.page * f.pageSize)
    .execute();
  return { total: Number(total), rows: rows.map(toAuditRow) };
}

const toAuditRow = (r: Selectable<AuditLogTable>): AuditRow => ({
  seq: r.seq,
  at: r.at,
  actorLogin: r.actor_login,
  method: r.method,
  entity: r.entity,
  entityId: r.entity_id,
  outcome: r.outcome,
  summary: JSON.parse(r.summary) as Record<string, unknown>,
  hash: r.hash,
  prevHash: r.prev_hash,
});

const CSV_HEADER = [
  'N°',
  'Date et heure (UTC)',
  'Utilisateur',
  'Opération',
  'Méthode',
  'Objet',
  'Référence',
  'Résultat',
  'Détail',
  'Empreinte',
  'Empreinte précédente',
];

/**
 * The rows the filters match, oldest first as the chain runs, as a CSV for a spreadsheet
 * (`;`, BOM): with each row's hash, so an inspector can re-walk the chain outside the app.
 */
export async function exportAudit(ctx: ServiceContext, f: AuditExportFilter, maxRows = AUDIT_EXPORT_MAX_ROWS): Promise<GeneratedFile> {
  const { db } = ctx;
  const { total } = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  if (Number(total) > maxRows) {
    throw refused(
      `${formatInteger(Number(total))} opérations correspondent : l’export en contient au plus ${formatInteger(maxRows)}. Réduisez la période.`,
    );
  }
  const rows = (await filtered(db, f).selectAll().orderBy('seq', 'asc').execute()).map(toAuditRow);
  const body = rows.map((r) => [
    r.seq,
    r.at,
    r.actorLogin,
    auditMethodLabel(r.method),
    r.method,
    auditEntityLabel(r.entity),
    r.entityId ?? '',
    AUDIT_OUTCOME_LABELS[r.outcome],
    describeAuditSummary(r.summary, 500),
    r.hash,
    r.prevHash,
  ]);
  const text = `\uFEFF${stringify([CSV_HEADER, ...body], { delimiter: ';' })}`;
  const period = [f.from, f.to].filter(Boolean).join('_au_');
  return {
    fileName: `journal-audit-${period || isoToday(ctx.clock)}.csv`,
    mimeType: 'text/csv',
    base64: Buffer.from(text, 'utf8').toString('base64'),
  };
}
