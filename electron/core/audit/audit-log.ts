import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../../shared/lib/canonical-json';
import type { DialectFeatures } from '../db/dialect';
import type { Database } from '../db/schema/index';
import { DomainError } from '../errors';
import type { AuditKey } from './audit-key';
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

export const GENESIS = '0'.repeat(64);

/** The method of the row that anchors an existing chain to a key. */
export const ANCHOR_METHOD = 'audit.anchor';

type RowContent = Omit<AuditEntry, 'summary'> & { summary: string };

/** How rows were chained before the key: plain SHA-256 (before 0020), or under another key (a restore). */
export type PriorChain = 'sha256' | 'other-key';

export function plainRowHash(prevHash: string, seq: number, entry: RowContent): string {
  const content = canonicalJson({ seq, ...entry });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

function keyedRowHash(key: AuditKey, prevHash: string, seq: number, entry: RowContent): string {
  return key.mac(`ramed-audit-row\n${prevHash}\n${canonicalJson({ seq, ...entry })}`);
}

interface HeadState {
  seq: number;
  hash: string;
  anchorSeq: number;
  keyId: string;
}

export const headMac = (key: AuditKey, head: HeadState): string =>
  key.mac(`ramed-audit-head\n${head.seq}\n${head.hash}\n${head.anchorSeq}\n${head.keyId}`);

export const auditTampered = (detail: string) =>
  new DomainError(
    'REFUSED',
    `Le journal d'audit a été altéré (${detail}) : aucune opération ne peut être enregistrée. ` +
      'Lancez « ramed audit verify » et prévenez l’administrateur.',
  );

const keyMissing = (where: string) =>
  new DomainError(
    'REFUSED',
    `La clé d'audit de cette base est absente de ce poste (fichier « ${where} ») : aucune opération ne peut être enregistrée. ` +
      'Copiez-y le fichier audit.key du poste qui a créé la base (voir docs/audit-and-backups.md).',
  );

const otherKey = (theirs: string, ours: string) =>
  new DomainError(
    'REFUSED',
    `Le journal d'audit de cette base est scellé avec une autre clé (empreinte ${theirs}) que celle de ce poste (${ours}) : ` +
      'aucune opération ne peut être enregistrée. Copiez ici le fichier audit.key du poste qui a créé la base.',
  );

/** The key this process holds, and where it would be (for messages). */
export interface AuditKeyRef {
  key: AuditKey | null;
  where: string;
}

/**
 * Appends one row to the hash chain, keyed, and re-seals the head. The head row is locked for
 * the rest of the transaction so that two workstations on PostgreSQL cannot both chain onto the
 * same previous hash. Refused in French when the head is missing or altered, or the key is not
 * this base's: a row chained there would vouch for a log that no longer holds.
 */
export async function appendAudit(db: Kysely<Database>, features: DialectFeatures, keyRef: AuditKeyRef, entry: AuditEntry): Promise<void> {
  const write = async (trx: Kysely<Database>) => {
    const head = await features.forUpdate(trx.selectFrom('audit_head').selectAll().where('id', '=', 1)).executeTakeFirst();
    if (!head) throw auditTampered('la tête du journal est absente');
    if (head.key_id === null || head.anchor_seq === null) throw auditTampered('le journal n’est scellé par aucune clé');
    const key = keyRef.key;
    if (!key) throw keyMissing(keyRef.where);
    if (key.id !== head.key_id) throw otherKey(head.key_id, key.id);
    if (head.mac !== headMac(key, { seq: head.seq, hash: head.hash, anchorSeq: head.anchor_seq, keyId: head.key_id })) {
      throw auditTampered('la tête du journal a été modifiée');
    }
    const seq = head.seq + 1;
    const summary = canonicalJson(entry.summary);
    const hash = keyedRowHash(key, head.hash, seq, { ...entry, summary });
    await insertRow(trx, seq, head.hash, hash, entry, summary);
    const next = { seq, hash, anchorSeq: head.anchor_seq, keyId: key.id };
    await trx
      .updateTable('audit_head')
      .set({ seq, hash, mac: headMac(key, next) })
      .where('id', '=', 1)
      .execute();
  };
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
}

async function insertRow(trx: Kysely<Database>, seq: number, prevHash: string, hash: string, entry: AuditEntry, summary: string) {
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
      prev_hash: prevHash,
      hash,
    })
    .execute();
}

/**
 * Seals the chain with `key`. An empty log is simply keyed from its first row. Otherwise a row
 * `audit.anchor` is appended, keyed, which chains onto the current head and says how the rows
 * before it were chained (`prior`): they are checked that way, and the anchor row vouches for
 * their last hash. Runs only right after migration 0020 (or a restore the user allowed from
 * another key): a base whose head lost its key is never re-anchored silently.
 */
export async function anchorAudit(
  db: Kysely<Database>,
  features: DialectFeatures,
  key: AuditKey,
  entry: { at: string; actorLogin: string; prior: PriorChain; previousKeyId: string | null; reason: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const head = await features.forUpdate(trx.selectFrom('audit_head').selectAll().where('id', '=', 1)).executeTakeFirst();
    if (!head) throw auditTampered('la tête du journal est absente');
    if (head.seq === 0) {
      const sealed = { seq: 0, hash: head.hash, anchorSeq: 0, keyId: key.id };
      await trx
        .updateTable('audit_head')
        .set({ key_id: key.id, anchor_seq: 0, mac: headMac(key, sealed) })
        .where('id', '=', 1)
        .execute();
      return;
    }
    const row: AuditEntry = {
      at: entry.at,
      actorUserId: null,
      actorLogin: entry.actorLogin,
      method: ANCHOR_METHOD,
      entity: 'audit',
      entityId: key.id,
      outcome: 'ok',
      summary: {
        prior: entry.prior,
        previousKeyId: entry.previousKeyId,
        keyId: key.id,
        anchoredHead: { seq: head.seq, hash: head.hash },
        reason: entry.reason,
      },
    };
    const seq = head.seq + 1;
    const summary = canonicalJson(row.summary);
    const hash = keyedRowHash(key, head.hash, seq, { ...row, summary });
    await insertRow(trx, seq, head.hash, hash, row, summary);
    const sealed = { seq, hash, anchorSeq: head.seq, keyId: key.id };
    await trx
      .updateTable('audit_head')
      .set({ seq, hash, key_id: key.id, anchor_seq: head.seq, mac: headMac(key, sealed) })
      .where('id', '=', 1)
      .execute();
  });
}

export type AuditVerification = { ok: true; rows: number } | { ok: false; rows: number; brokenSeq: number; reason: string };

/**
 * Walks the chain from the first row with the key; names the first row whose hash or link does
 * not hold, or what is wrong with the head (absent, moved, not sealed, another key).
 */
export async function verifyAudit(db: Kysely<Database>, keyRef: AuditKeyRef): Promise<AuditVerification> {
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!head)
    return {
      ok: false,
      rows: 0,
      brokenSeq: 1,
      reason: 'la tête du journal (audit_head) est absente : le journal a été modifié hors de l’application',
    };
  const key = keyRef.key;
  const headProblem =
    head.key_id === null || head.anchor_seq === null
      ? 'le journal n’est scellé par aucune clé (tête du journal modifiée hors de l’application)'
      : !key
        ? `la clé d'audit de cette base est absente de ce poste (${keyRef.where}) : le journal ne peut pas être vérifié`
        : key.id !== head.key_id
          ? `le journal est scellé avec une autre clé (empreinte ${head.key_id}) que celle de ce poste (${key.id})`
          : head.mac !== headMac(key, { seq: head.seq, hash: head.hash, anchorSeq: head.anchor_seq, keyId: head.key_id })
            ? 'la tête du journal a été modifiée (lignes supprimées en fin de journal, ou journal vidé)'
            : null;
  if (headProblem || !key || head.anchor_seq === null) return { ok: false, rows: 0, brokenSeq: head.seq + 1, reason: headProblem ?? '' };
  const anchorSeq = head.anchor_seq;

  let prior: PriorChain = 'sha256';
  if (anchorSeq > 0) {
    const anchor = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', anchorSeq + 1)
      .executeTakeFirst();
    if (!anchor || anchor.method !== ANCHOR_METHOD) {
      return { ok: false, rows: 0, brokenSeq: anchorSeq + 1, reason: 'la ligne d’ancrage à la clé est absente ou remplacée' };
    }
    prior = (JSON.parse(anchor.summary) as { prior?: PriorChain }).prior === 'other-key' ? 'other-key' : 'sha256';
  }

  let prev = GENESIS;
  let expectedSeq = 1;
  const batch = 5000;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(batch).execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq) return broken(expectedSeq, `ligne manquante (attendu n° ${expectedSeq}, trouvé n° ${row.seq})`);
      if (row.prev_hash !== prev) return broken(row.seq, 'le lien vers la ligne précédente ne correspond pas');
      const content: RowContent = {
        at: row.at,
        actorUserId: row.actor_user_id,
        actorLogin: row.actor_login,
        method: row.method,
        entity: row.entity,
        entityId: row.entity_id,
        outcome: row.outcome,
        summary: row.summary,
      };
      // Rows chained under another key before a restore are checked by their links only: the anchor row vouches for the last.
      const keyed = row.seq > anchorSeq;
      if (keyed || prior === 'sha256') {
        const hash = keyed ? keyedRowHash(key, prev, row.seq, content) : plainRowHash(prev, row.seq, content);
        if (hash !== row.hash) return broken(row.seq, 'le contenu a été modifié');
      }
      prev = row.hash;
      expectedSeq += 1;
    }
    if (rows.length < batch) break;
  }
  const rows = expectedSeq - 1;
  if (head.seq !== rows || head.hash !== prev) return broken(rows + 1, 'des lignes ont été supprimées en fin de journal');
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
