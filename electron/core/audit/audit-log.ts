import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../../shared/canonical-json';
import type { DialectFeatures } from '../db/dialect';
import type { Database } from '../db/schema/index';
import type { AuditLogTable } from '../db/schema/system';

export interface AuditEntry {
  at: string;
  actorUserId: number | null;
  actorLogin: string;
  method: string;
  entity: string | null;
  entityId: string | null;
  outcome: AuditLogTable['outcome'];
  summary: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);

function rowHash(prevHash: string, seq: number, entry: Omit<AuditEntry, 'summary'> & { summary: string }): string {
  const content = canonicalJson({ seq, ...entry });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/**
 * Appends one row to the hash chain. The head row is locked for the rest of the transaction so
 * that two workstations on PostgreSQL cannot both chain onto the same previous hash.
 */
export async function appendAudit(db: Kysely<Database>, features: DialectFeatures, entry: AuditEntry): Promise<void> {
  const write = async (trx: Kysely<Database>) => {
    const head = await features
      .forUpdate(trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1))
      .executeTakeFirstOrThrow();
    const seq = head.seq + 1;
    const summary = canonicalJson(entry.summary);
    const hash = rowHash(head.hash, seq, { ...entry, summary });
    await trx
      .insertInto('audit_log')
      .values({
        seq,
        at: entry.at,
        actor_user_id: entry.actorUserId,
        actor_login: entry.actorLogin,
        method: entry.method,
        entity: entry.entity,
        entity_id: entry.entityId,
        outcome: entry.outcome,
        summary,
        prev_hash: head.hash,
        hash,
      })
      .execute();
    await trx.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1).execute();
  };
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
}

export type AuditVerification = { ok: true; rows: number } | { ok: false; rows: number; brokenSeq: number; reason: string };

/** Walks the chain from the first row; names the first row whose hash or link does not hold. */
export async function verifyAudit(db: Kysely<Database>): Promise<AuditVerification> {
  let prev = GENESIS;
  let expectedSeq = 1;
  const batch = 5000;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(batch).execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq) return broken(expectedSeq, `ligne manquante (attendu n° ${expectedSeq}, trouvé n° ${row.seq})`);
      if (row.prev_hash !== prev) return broken(row.seq, 'le lien vers la ligne précédente ne correspond pas');
      const hash = rowHash(prev, row.seq, {
        at: row.at,
        actorUserId: row.actor_user_id,
        actorLogin: row.actor_login,
        method: row.method,
        entity: row.entity,
        entityId: row.entity_id,
        outcome: row.outcome,
        summary: row.summary,
      });
      if (hash !== row.hash) return broken(row.seq, 'le contenu a été modifié');
      prev = row.hash;
      expectedSeq += 1;
    }
    if (rows.length < batch) break;
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const rows = expectedSeq - 1;
  if (head && (head.seq !== rows || head.hash !== prev)) {
    return broken(rows + 1, 'des lignes ont été supprimées en fin de journal');
  }
  return { ok: true, rows };

  function broken(seq: number, reason: string): AuditVerification {
    return { ok: false, rows: expectedSeq - 1, brokenSeq: seq, reason };
  }
}

/** Removes secret fields (dotted paths) from a call's input before it reaches the audit. */
export function redact(input: unknown, secret: readonly string[] = []): Record<string, unknown> {
  const copy = structuredClone(input ?? {}) as Record<string, unknown>;
  for (const path of secret) {
    const parts = path.split('.');
    let node: Record<string, unknown> | undefined = copy;
    for (const part of parts.slice(0, -1)) node = node?.[part] as Record<string, unknown> | undefined;
    const last = parts.at(-1)!;
    if (node && last in node) node[last] = '***';
  }
  return copy;
}
