import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openCore } from '../../../electron/core/app';
import { verifyAudit } from '../../../electron/core/audit/audit-log';
import { fixedClock } from '../../../electron/core/clock';
import { silentLogger } from '../../../electron/core/logger';
import { legacyAuditRows, recomputeChainWithoutKey, tempKeyStore } from '../../support/audit';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

describeEachDb('migration 0020_audit_key', (kind) => {
  async function legacyBase() {
    const m = await databaseAt(kind, '0013_outbox_retries');
    await legacyAuditRows(m.db, 12);
    return m;
  }

  it('keeps the rows of 0013 and leaves the head to be anchored', async () => {
    const m = await legacyBase();
    try {
      const before = await m.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
      expect(await m.migrateToLatest()).toContain('0020_audit_key');
      expect(await m.db.selectFrom('audit_log').selectAll().orderBy('seq').execute()).toEqual(before);
      expect(await m.db.selectFrom('audit_head').selectAll().execute()).toEqual([
        { id: 1, seq: 12, hash: before.at(-1)!.hash, key_id: null, anchor_seq: null, mac: null },
      ]);
    } finally {
      await m.dispose();
    }
  });

  it('an existing base without a key: the key is created, the current head anchored and the anchoring recorded', async () => {
    const m = await legacyBase();
    const keys = tempKeyStore();
    const core = await openCore({ db: m.target, clock: fixedClock('2026-11-16T09:30:00.000Z'), log: silentLogger, auditKeys: keys.store });
    try {
      const key = core.deps.auditKey.key!;
      expect(key.id).toMatch(/^[0-9a-f]{16}$/);
      expect(await keys.store.load()).not.toBeNull();
      const db = core.deps.handle.db;
      const anchor = await db.selectFrom('audit_log').selectAll().where('seq', '=', 13).executeTakeFirstOrThrow();
      expect(anchor).toMatchObject({ method: 'audit.anchor', actor_login: 'système', entity_id: key.id, at: '2026-11-16T09:30:00.000Z' });
      expect(JSON.parse(anchor.summary)).toMatchObject({ prior: 'sha256', keyId: key.id, anchoredHead: { seq: 12 } });
      expect(await db.selectFrom('audit_head').select(['seq', 'key_id', 'anchor_seq']).execute()).toEqual([
        { seq: 13, key_id: key.id, anchor_seq: 12 },
      ]);
      expect(await verifyAudit(db, core.deps.auditKey)).toEqual({ ok: true, rows: 13 });

      // The rows from before the key are still checked, and the anchor row vouches for their last hash.
      await sql`update audit_log set summary = replace(summary, '"5"', '"50"') where seq = 5`.execute(db);
      expect(await verifyAudit(db, core.deps.auditKey)).toMatchObject({ ok: false, brokenSeq: 5 });
      await recomputeChainWithoutKey(db);
      expect(await verifyAudit(db, core.deps.auditKey)).toMatchObject({ ok: false });
    } finally {
      await core.close();
      await m.dispose();
      keys.dispose();
    }
  });
});
