import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/app';
import { silentLogger } from '../../electron/core/logger';
import { MAX_ATTEMPTS, sendDue } from '../../electron/core/outbox/send';
import { outboxStatus } from '../../electron/core/outbox/status';
import { actingAs } from '../../electron/core/service-context';
import type { Client } from '../../shared/contract/client';
import { startAnamReceiver, type AnamReceiver } from '../support/anam-receiver';
import { signMonth } from '../support/claim-responses';
import { closedEpisode } from '../support/claims';
import { ramed } from '../support/cli';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { failUntilAbandoned, manualClock, pointAt, queuedClaim, testWorker } from '../support/outbox';
import { insertPersons, somePerson } from '../support/persons';
import { importList, setFacility, TEST_TARIFFS } from '../support/reference';

const DOWN = 'L’ANAM a répondu HTTP 500 : Erreur interne du serveur.';
const REASON = 'Liaison avec l’ANAM rétablie après la coupure';

describeEachDb('every abandoned upload sent again at once', (kind) => {
  let core: TestCore;
  let manager: Client;
  let receiver: AnamReceiver;
  const clock = manualClock('2026-12-01T09:00:00.000Z');

  beforeEach(async () => {
    core = await openTestCore(kind, { clock });
    await setFacility(core, 'cscom');
    await importList(core, 'tariffs', TEST_TARIFFS);
    manager = clientFor(core, slotAs(['gestionnaire'], null, 'fatoumata'));
    receiver = await startAnamReceiver({ token: 'jeton', plan: () => 'http500' });
    await pointAt(core.deps, receiver.url, 'jeton');
  });
  afterEach(async () => {
    await receiver.close();
    await core.dispose();
  });

  const db = () => core.deps.handle.db;
  const status = () => outboxStatus(actingAs(core.deps, 'test'));
  const retries = () =>
    db().selectFrom('outbox_retry').select(['message_id', 'by_login', 'reason', 'attempts_before', 'last_error']).orderBy('id').execute();
  /** Abandons every message still to send, as days of failures would (the race rounds need many). */
  const abandonAll = (attempts: number) =>
    db()
      .updateTable('outbox_message')
      .set({ status: 'echec', attempts, last_error: DOWN })
      .where('superseded_by', 'is', null)
      .where('status', '<>', 'livre')
      .execute();

  it('requeues every abandoned message with the one reason, never a replaced version, and audits it once', async () => {
    const persons = await insertPersons(db(), [
      somePerson(1, 'Traoré', 'Awa'),
      somePerson(2, 'Coulibaly', 'Moussa'),
      somePerson(3, 'Diarra', 'Salif'),
    ]);
    await closedEpisode(core, persons[0]!, [{ code: 'CS-CUR' }], '2026-10-14');
    await closedEpisode(core, persons[1]!, [{ code: 'CS-CUR' }, { code: 'LB-GE' }]);
    await closedEpisode(core, persons[2]!, [{ code: 'CS-CUR' }], '2026-11-12');
    await signMonth(manager, '2026-10');
    await signMonth(manager, '2026-11');
    // November is corrected before it left: its first version's two messages are replaced by the second's one.
    const november = await manager.claims.get({ month: '2026-11' });
    if (!november.ok) throw new Error(november.error.message);
    const episodeId = november.value.document.episodes[1]!.episodeId;
    expect(await manager.claims.exclude({ month: '2026-11', episodeId, reason: 'Patient venu pour un certificat' })).toMatchObject({
      ok: true,
    });
    expect(await signMonth(manager, '2026-11')).toMatchObject({ version: 2 });
    await failUntilAbandoned(core.deps, clock);

    const before = await status();
    expect(before).toMatchObject({ pending: 0, failed: 2, superseded: 2 });
    const abandoned = before.messages.filter((m) => m.status === 'echec' && !m.supersededByVersion);
    const replaced = before.messages.filter((m) => m.supersededByVersion);
    expect(abandoned.map((m) => [m.claim.slice(0, 10), m.attempts, m.lastError])).toEqual([
      ['2026-10 v1', MAX_ATTEMPTS, DOWN],
      ['2026-11 v2', MAX_ATTEMPTS, DOWN],
    ]);

    const retriedAt = clock.now().toISOString();
    expect(await manager.outbox.retryAll({ reason: `  ${REASON} ` })).toEqual({
      ok: true,
      value: { requeued: 2, messageIds: abandoned.map((m) => m.id) },
    });
    const after = await status();
    expect(after).toMatchObject({ pending: 2, failed: 0, superseded: 2 });
    for (const m of abandoned) {
      expect(after.messages.find((a) => a.id === m.id)).toEqual({ ...m, status: 'en_attente', retries: 1, nextAttemptAt: retriedAt });
    }
    expect(after.messages.filter((m) => m.supersededByVersion)).toEqual(replaced);
    expect(await retries()).toEqual(
      abandoned.map((m) => ({ message_id: m.id, by_login: 'fatoumata', reason: REASON, attempts_before: MAX_ATTEMPTS, last_error: DOWN })),
    );
    const audit = await db()
      .selectFrom('audit_log')
      .select(['actor_login', 'entity', 'outcome', 'summary'])
      .where('method', '=', 'outbox.retryAll')
      .execute();
    expect(audit).toEqual([{ actor_login: 'fatoumata', entity: 'outbox', outcome: 'ok', summary: expect.stringContaining(REASON) }]);
    expect(JSON.parse(audit[0]!.summary)).toMatchObject({ detail: { requeued: 2, messageIds: abandoned.map((m) => m.id) } });

    // The ANAM is back: both leave, the replaced ones never.
    receiver.plan = () => 'none';
    expect(await sendDue(testWorker(core.deps, clock, 'poste-1'))).toMatchObject({ attempted: 2, delivered: 2 });
    expect(await status()).toMatchObject({ delivered: 2, pending: 0, failed: 0, superseded: 2 });

    // Nothing left to resend: a plain answer of 0, nothing written.
    expect(await manager.outbox.retryAll({ reason: REASON })).toEqual({ ok: true, value: { requeued: 0, messageIds: [] } });
    expect(await retries()).toHaveLength(2);
  }, 120_000);

  it('refuses a bad reason and another role, changing nothing', async () => {
    await queuedClaim(db(), '2026-11', 3, clock.now().toISOString());
    await abandonAll(MAX_ATTEMPTS);
    expect(await manager.outbox.retryAll({ reason: 'ok' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { reason: 'Indiquez le motif (3 caractères au moins)' } },
    });
    const desk = clientFor(core, slotAs(['accueil'], null, 'aminata'));
    expect(await desk.outbox.retryAll({ reason: REASON })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await retries()).toEqual([]);
    expect(await status()).toMatchObject({ failed: 3, pending: 0 });
    const admin = clientFor(core, slotAs(['admin'], null, 'admin'));
    expect(await admin.outbox.retryAll({ reason: REASON })).toMatchObject({ ok: true, value: { requeued: 3 } });
  });

  it('two managers sending everything again at once requeue each message once (two workstations)', async () => {
    const messages = 12;
    await queuedClaim(db(), '2026-11', messages, clock.now().toISOString());
    const other: Core = await openCore({ db: core.target, clock, log: silentLogger });
    try {
      const ibrahim = clientFor(other, slotAs(['gestionnaire'], null, 'ibrahim'));
      for (let round = 1; round <= 4; round++) {
        await abandonAll(round * MAX_ATTEMPTS);
        const alone = (await status()).messages[5]!.id;
        // The last round, the second manager resends one message alone while the first resends them all.
        const [mine, theirs] = await Promise.all([
          manager.outbox.retryAll({ reason: `Essai ${round} de Fatoumata` }),
          round === 4
            ? ibrahim.outbox.retry({ messageId: alone, reason: `Essai ${round} d’Ibrahim` })
            : ibrahim.outbox.retryAll({ reason: `Essai ${round} d’Ibrahim` }),
        ]);
        if (!mine.ok) throw new Error(mine.error.message);
        const theirCount = !theirs.ok ? 0 : 'requeued' in theirs.value ? theirs.value.requeued : 1;
        expect(mine.value.requeued + theirCount).toBe(messages);
        const rows = await db()
          .selectFrom('outbox_retry')
          .select(['message_id', 'attempts_before'])
          .where('attempts_before', '=', round * MAX_ATTEMPTS)
          .execute();
        expect(rows).toHaveLength(messages);
        expect(new Set(rows.map((r) => r.message_id)).size).toBe(messages);
        expect(await status()).toMatchObject({ pending: messages, failed: 0 });
      }
    } finally {
      await other.close();
    }
  });

  it('ramed outbox retry --all --reason: all back in the queue, exit 1 when none is abandoned, 2 on bad usage', async () => {
    await queuedClaim(db(), '2026-11', 3, clock.now().toISOString());
    await abandonAll(MAX_ATTEMPTS);
    const at = ['--db', core.target];
    const run = await ramed('outbox', 'retry', '--all', '--reason', 'Réseau rétabli', ...at);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toMatch(/^3 réclamation\(s\) abandonnée\(s\) remise\(s\) en file d’envoi/);
    expect(await status()).toMatchObject({ pending: 3, failed: 0 });
    const none = await ramed('outbox', 'retry', '--all', '--reason', 'Réseau rétabli', '--json', ...at);
    expect(none).toMatchObject({ code: 1, json: { requeued: 0, messageIds: [] } });
    expect((await ramed('outbox', 'retry', '--all', '--reason', 'Réseau rétabli', ...at)).stdout).toContain(
      'Aucune réclamation abandonnée à renvoyer',
    );
    expect(await ramed('outbox', 'retry', '--all', ...at)).toMatchObject({ code: 2, stderr: expect.stringContaining('Indiquez le motif') });
    expect(await ramed('outbox', 'retry', '--all', '7', '--reason', 'Réseau rétabli', ...at)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('pas les deux'),
    });
    expect(await ramed('outbox', 'retry', '--reason', 'Réseau rétabli', ...at)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('ou --all'),
    });
    expect(await retries()).toHaveLength(3);
  }, 120_000);
});
