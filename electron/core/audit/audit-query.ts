import type { Kysely, SelectQueryBuilder } from 'kysely';
import { addDays } from '../../../shared/dates';
import type { AuditFilter, AuditPage, AuditRow } from '../../../shared/domain/audit';
import type { Database } from '../db/schema/index';

type AuditQuery = SelectQueryBuilder<Database, 'audit_log', object>;

function filtered(db: Kysely<Database>, f: AuditFilter): AuditQuery {
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
export async function listAudit(db: Kysely<Database>, f: AuditFilter): Promise<AuditPage> {
  const { total } = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await filtered(db, f)
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(f.pageSize)
    .offset(f.page * f.pageSize)
    .execute();
  return {
    total: Number(total),
    rows: rows.map((r): AuditRow => ({
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
    })),
  };
}
