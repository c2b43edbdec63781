import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { fileKeyStore, type AuditKeyStore } from '../../electron/core/audit/audit-key';
import { GENESIS, plainRowHash } from '../../electron/core/audit/audit-log';
import { canonicalJson } from '../../shared/lib/canonical-json';

/** A key store of its own in a temp folder: the key outside the base, as on a workstation. */
export function tempKeyStore(): { store: AuditKeyStore; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'ramed-key-'));
  return { store: fileKeyStore(join(dir, 'audit.key')), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the tables as an attacker sees them

/**
 * What someone with write access to the file and no key can do: rewrite every row's hash and
 * link with plain SHA-256 from the first, and point the head at the last (its MAC left as is).
 */
export async function recomputeChainWithoutKey(db: AnyDb): Promise<void> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  let prev = GENESIS;
  for (const row of rows) {
    const hash = plainRowHash(prev, row.seq, {
      at: row.at,
      actorUserId: row.actor_user_id,
      actorLogin: row.actor_login,
      method: row.method,
      entity: row.entity,
      entityId: row.entity_id,
      outcome: row.outcome,
      summary: row.summary,
    });
    await db.updateTable('audit_log').set({ prev_hash: prev, hash }).where('seq', '=', row.seq).execute();
    prev = hash;
  }
  await db
    .updateTable('audit_head')
    .set({ seq: rows.at(-1)?.seq ?? 0, hash: prev })
    .execute();
}

/** Legacy rows as a version before 0020 chained them (plain SHA-256), and the head on the last. */
export async function legacyAuditRows(db: AnyDb, count: number): Promise<void> {
  let prev = GENESIS;
  for (let seq = 1; seq <= count; seq++) {
    const entry = {
      at: `2026-10-0${1 + (seq % 9)}T08:00:00.000Z`,
      actorUserId: null,
      actorLogin: 'awa',
      method: 'settings.set',
      entity: 'setting',
      entityId: 'lock.inactivityMinutes',
      outcome: 'ok' as const,
      summary: canonicalJson({ input: { key: 'lock.inactivityMinutes', value: String(seq) } }),
    };
    const hash = plainRowHash(prev, seq, entry);
    await db
      .insertInto('audit_log')
      .values({
        seq,
        at: entry.at,
        actor_user_id: null,
        actor_login: entry.actorLogin,
        method: entry.method,
        entity: entry.entity,
        entity_id: entry.entityId,
        outcome: entry.outcome,
        summary: entry.summary,
        prev_hash: prev,
        hash,
      })
      .execute();
    prev = hash;
  }
  await db.updateTable('audit_head').set({ seq: count, hash: prev }).where('id', '=', 1).execute();
}
