import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { newSlot, openCore, type Core } from '../../electron/core/app';
import { verifyAudit } from '../../electron/core/audit/audit-log';
import { fixedClock } from '../../electron/core/clock';
import { silentLogger } from '../../electron/core/logger';
import { recomputeChainWithoutKey, tempKeyStore } from '../support/audit';
import { ramed } from '../support/cli';
import { describeEachDb, freshDatabase, slotAs } from '../support/db';

const SETUP = {
  facility: { code: 'CS01', name: 'CSCOM de Test', level: 'cscom' },
  admin: { login: 'awa', fullName: 'Awa Sangaré', password: 'motdepasse1' },
};

describeEachDb('the audit chain sealed with a key kept outside the base', (kind) => {
  let fresh: { target: string; drop(): Promise<void> };
  let keys: ReturnType<typeof tempKeyStore>;
  let core: Core;
  const open = () =>
    openCore({ db: fresh.target, clock: fixedClock('2026-11-16T09:30:00.000Z'), log: silentLogger, auditKeys: keys.store });

  beforeEach(async () => {
    fresh = await freshDatabase(kind);
    keys = tempKeyStore();
    core = await open();
    await core.dispatch(newSlot(), 'setup.create', SETUP);
    const slot = slotAs(['admin']);
    for (const minutes of ['11', '12', '13', '14', '15']) {
      expect(await core.dispatch(slot, 'settings.set', { key: 'lock.inactivityMinutes', value: minutes })).toMatchObject({ ok: true });
    }
  });
  afterEach(async () => {
    await core.close();
    await fresh.drop();
    keys.dispose();
  });

  const db = () => core.deps.handle.db;
  const verify = () => verifyAudit(db(), core.deps.auditKey);
  /** A command after the tampering: refused in French, never INTERNAL, and nothing written. */
  async function commandsRefused(reason: RegExp) {
    const before = await db().selectFrom('audit_log').select('seq').execute();
    const result = await core.dispatch(slotAs(['admin']), 'settings.set', { key: 'lock.inactivityMinutes', value: '20' });
    expect(result).toMatchObject({ ok: false, error: { code: 'REFUSED', message: reason } });
    expect(await db().selectFrom('audit_log').select('seq').execute()).toEqual(before);
  }

  it('is intact after normal work, and the key file is the owner’s alone', async () => {
    expect(await verify()).toEqual({ ok: true, rows: 6 });
    const { statSync } = await import('node:fs');
    expect(statSync(keys.store.where).mode & 0o777).toBe(0o600);
  });

  it('catches a row edited and the whole chain recomputed', async () => {
    await sql`update audit_log set summary = replace(summary, '13', '99') where seq = 4`.execute(db());
    await recomputeChainWithoutKey(db());
    // The recomputed head has no valid MAC; were it left alone, the first recomputed row would show.
    expect(await verify()).toMatchObject({ ok: false, reason: /tête du journal a été modifiée/ });
    await commandsRefused(/journal d'audit a été altéré/);
  });

  it('catches a row edited with its hash left as it was', async () => {
    await sql`update audit_log set summary = replace(summary, '13', '99') where seq = 4`.execute(db());
    expect(await verify()).toMatchObject({ ok: false, brokenSeq: 4, reason: /contenu a été modifié/ });
  });

  it('catches the last rows deleted and the head moved onto the new last row', async () => {
    await sql`delete from audit_log where seq > 3`.execute(db());
    const last = await db().selectFrom('audit_log').select(['seq', 'hash']).where('seq', '=', 3).executeTakeFirstOrThrow();
    await db().updateTable('audit_head').set({ seq: last.seq, hash: last.hash }).execute();
    expect(await verify()).toMatchObject({ ok: false, reason: /tête du journal a été modifiée/ });
    await commandsRefused(/journal d'audit a été altéré \(la tête du journal a été modifiée\)/);
  });

  it('catches the whole log wiped and the head reset', async () => {
    await sql`delete from audit_log`.execute(db());
    await db()
      .updateTable('audit_head')
      .set({ seq: 0, hash: '0'.repeat(64) })
      .execute();
    expect(await verify()).toMatchObject({ ok: false, reason: /tête du journal a été modifiée/ });
    await commandsRefused(/journal d'audit a été altéré/);
  });

  it('catches the head unsealed, and does not re-anchor it on the next start', async () => {
    await sql`delete from audit_log`.execute(db());
    await db()
      .updateTable('audit_head')
      .set({ seq: 0, hash: '0'.repeat(64), key_id: null, anchor_seq: null, mac: null })
      .execute();
    await core.close();
    core = await open();
    expect(await verify()).toMatchObject({ ok: false, reason: /scellé par aucune clé/ });
    await commandsRefused(/scellé par aucune clé/);
  });

  it('reports a missing head as tampering: commands refused in French, audit verify exits 1', async () => {
    await sql`delete from audit_head`.execute(db());
    expect(await verify()).toMatchObject({ ok: false, reason: /tête du journal \(audit_head\) est absente/ });
    await commandsRefused(/tête du journal est absente/);
    const cli = await ramed('audit', 'verify', '--db', fresh.target);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toMatch(/Journal d'audit ALTÉRÉ .*audit_head/);
  });

  it('on a workstation without the key: refuses to chain, and says where to put the key', async () => {
    await core.close();
    const elsewhere = tempKeyStore();
    try {
      core = await openCore({ db: fresh.target, log: silentLogger, auditKeys: elsewhere.store });
      expect(await verify()).toMatchObject({ ok: false, reason: /clé d'audit de cette base est absente de ce poste/ });
      await commandsRefused(/clé d'audit de cette base est absente de ce poste .*audit\.key/);
      // It created no key of its own: copying the right one in is enough.
      expect(await elsewhere.store.load()).toBeNull();
    } finally {
      elsewhere.dispose();
    }
  });
});
