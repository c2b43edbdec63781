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
import { failUntilAbandoned, manualClock, pointAt, testWorker } from '../support/outbox';
import { insertPersons, somePerson } from '../support/persons';
import { importList, setFacility, TEST_TARIFFS } from '../support/reference';

const MONTH = '2026-11';
const HOUR = 60 * 60_000;
const DOWN = 'L’ANAM a répondu HTTP 500 : Erreur interne du serveur.';

describeEachDb('an abandoned upload sent again', (kind) => {
  let core: TestCore;
  let manager: Client;
  let receiver: AnamReceiver;
  const clock = manualClock('2026-12-01T09:00:00.000Z');

  beforeEach(async () => {
    core = await openTestCore(kind, { clock });
    await setFacility(core, 'cscom');
    await importList(core, 'tariffs', TEST_TARIFFS);
    const persons = await insertPersons(core.deps.handle.db, [somePerson(1, 'Traoré', 'Awa'), somePerson(2, 'Coulibaly', 'Moussa')]);
    await closedEpisode(core, persons[0]!, [{ code: 'CS-CUR' }, { code: 'LB-GE' }]);
    await closedEpisode(core, persons[1]!, [{ code: 'CS-CUR' }], '2026-11-12');
    manager = clientFor(core, slotAs(['gestionnaire'], null, 'fatoumata'));
    receiver = await startAnamReceiver({ token: 'jeton', plan: () => 'http500' });
    await pointAt(core.deps, receiver.url, 'jeton');
  });
  afterEach(async () => {
    await receiver.close();
    await core.dispose();
  });

  const worker = () => testWorker(core.deps, clock, 'poste-1');
  const status = () => outboxStatus(actingAs(core.deps, 'test'));
  const attemptsOf = async (messageId: number) =>
    core.deps.handle.db
      .selectFrom('outbox_attempt')
      .select(['outcome', 'error'])
      .where('message_id', '=', messageId)
      .orderBy('id')
      .execute();

  it('puts the message back for a new series of attempts, every failed one kept, and records who, when and why', async () => {
    await signMonth(manager, MONTH);
    await failUntilAbandoned(core.deps, clock);
    const abandoned = await status();
    expect(abandoned).toMatchObject({ pending: 0, failed: 2 });
    expect(abandoned.messages.map((m) => [m.status, m.attempts, m.retries, m.lastError])).toEqual([
      ['echec', MAX_ATTEMPTS, 0, DOWN],
      ['echec', MAX_ATTEMPTS, 0, DOWN],
    ]);
    const [first, second] = abandoned.messages as [(typeof abandoned.messages)[0], (typeof abandoned.messages)[0]];

    // The ANAM is back: the manager sends the first one again.
    receiver.plan = () => 'none';
    const retriedAt = clock.now().toISOString();
    const retried = await manager.outbox.retry({ messageId: first.id, reason: 'Serveur de l’ANAM réparé' });
    expect(retried).toEqual({
      ok: true,
      value: {
        ...first,
        status: 'en_attente',
        retries: 1,
        nextAttemptAt: retriedAt,
      },
    });
    expect(await sendDue(worker())).toMatchObject({ attempted: 1, delivered: 1 });
    const after = await status();
    expect(after).toMatchObject({ delivered: 1, failed: 1, pending: 0 });
    expect(after.messages[0]).toMatchObject({ status: 'livre', attempts: MAX_ATTEMPTS + 1, retries: 1, lastError: null });
    expect(after.messages[1]).toMatchObject({ status: 'echec', attempts: MAX_ATTEMPTS });
    const history = await attemptsOf(first.id);
    expect(history).toHaveLength(MAX_ATTEMPTS + 1);
    expect(history.slice(0, MAX_ATTEMPTS).every((a) => a.outcome === 'echec' && a.error === DOWN)).toBe(true);
    expect(history.at(-1)).toEqual({ outcome: 'livre', error: null });
    expect(await core.deps.handle.db.selectFrom('outbox_retry').selectAll().execute()).toEqual([
      {
        id: expect.any(Number),
        message_id: first.id,
        at: retriedAt,
        by_login: 'fatoumata',
        reason: 'Serveur de l’ANAM réparé',
        attempts_before: MAX_ATTEMPTS,
        last_error: DOWN,
      },
    ]);
    const audit = await core.deps.handle.db
      .selectFrom('audit_log')
      .select(['actor_login', 'entity_id', 'outcome', 'summary'])
      .where('method', '=', 'outbox.retry')
      .execute();
    expect(audit).toEqual([
      {
        actor_login: 'fatoumata',
        entity_id: String(first.id),
        outcome: 'ok',
        summary: expect.stringContaining('Serveur de l’ANAM réparé'),
      },
    ]);

    // A new series: the wait starts over from 30 s, and it is abandoned again only after as many failures.
    receiver.plan = () => 'http500';
    expect(await manager.outbox.retry({ messageId: second.id, reason: 'Nouvel essai après la coupure' })).toMatchObject({ ok: true });
    await sendDue(worker(), { limit: 1 });
    const waiting = (await status()).messages[1]!;
    expect(waiting).toMatchObject({ status: 'en_attente', attempts: MAX_ATTEMPTS + 1, retries: 1 });
    expect(Date.parse(waiting.nextAttemptAt!) - clock.now().getTime()).toBeLessThan(30_000);
    clock.advance(HOUR);
    await failUntilAbandoned(core.deps, clock);
    expect((await status()).messages[1]).toMatchObject({ status: 'echec', attempts: 2 * MAX_ATTEMPTS, retries: 1 });
    expect(await attemptsOf(second.id)).toHaveLength(2 * MAX_ATTEMPTS);
  }, 120_000);

  it('refuses, in French and changing nothing, a message that is not abandoned, a replaced one, an unknown one, a bad reason or another role', async () => {
    await signMonth(manager, MONTH);
    const [waiting] = (await status()).messages;
    const reason = 'Connexion rétablie';
    expect(await manager.outbox.retry({ messageId: waiting!.id, reason })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Cette réclamation est déjà en attente d’envoi : rien à renvoyer.' },
    });
    expect(await manager.outbox.retry({ messageId: 999_999, reason })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Aucune réclamation n° 999999 dans la file d’envoi.' },
    });
    expect(await manager.outbox.retry({ messageId: waiting!.id, reason: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { reason: 'Indiquez le motif (3 caractères au moins)' } },
    });
    const desk = clientFor(core, slotAs(['accueil'], null, 'aminata'));
    expect(await desk.outbox.retry({ messageId: waiting!.id, reason })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // A newer version signed before the first left: the first's messages are replaced, never to be sent.
    const signed = await manager.claims.get({ month: MONTH });
    if (!signed.ok) throw new Error(signed.error.message);
    const episodeId = signed.value.document.episodes[1]!.episodeId;
    expect(await manager.claims.exclude({ month: MONTH, episodeId, reason: 'Patient venu pour un certificat' })).toMatchObject({
      ok: true,
    });
    expect(await signMonth(manager, MONTH)).toMatchObject({ version: 2 });
    const replaced = (await status()).messages.find((m) => m.id === waiting!.id)!;
    expect(replaced.supersededByVersion).toBe(2);
    expect(await manager.outbox.retry({ messageId: replaced.id, reason })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Cette réclamation a été remplacée par la version 2 : elle ne doit jamais partir, elle ne peut pas être renvoyée.',
      },
    });
    expect(await core.deps.handle.db.selectFrom('outbox_retry').selectAll().execute()).toEqual([]);
    expect((await status()).messages.find((m) => m.id === waiting!.id)).toEqual(replaced);
  });

  it('two managers retrying the same message at once put it back once (two workstations)', async () => {
    await signMonth(manager, MONTH);
    const db = core.deps.handle.db;
    const other: Core = await openCore({ db: core.target, clock, log: silentLogger });
    try {
      const ibrahim = clientFor(other, slotAs(['gestionnaire'], null, 'ibrahim'));
      const [message] = (await status()).messages;
      for (let round = 1; round <= 5; round++) {
        await db
          .updateTable('outbox_message')
          .set({ status: 'echec', attempts: round * MAX_ATTEMPTS, last_error: DOWN })
          .where('id', '=', message!.id)
          .execute();
        const results = await Promise.all([
          manager.outbox.retry({ messageId: message!.id, reason: `Essai ${round} de Fatoumata` }),
          ibrahim.outbox.retry({ messageId: message!.id, reason: `Essai ${round} d’Ibrahim` }),
        ]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(results.find((r) => !r.ok)).toMatchObject({
          ok: false,
          error: { code: 'CONFLICT', message: 'Cette réclamation est déjà en attente d’envoi : rien à renvoyer.' },
        });
        const retries = await db.selectFrom('outbox_retry').select('attempts_before').orderBy('id').execute();
        expect(retries.map((r) => r.attempts_before)).toEqual(Array.from({ length: round }, (_, i) => (i + 1) * MAX_ATTEMPTS));
      }
    } finally {
      await other.close();
    }
  });

  it('ramed outbox retry ID --reason: the message back in the queue, exit 1 when there is nothing to resend', async () => {
    await signMonth(manager, MONTH);
    await failUntilAbandoned(core.deps, clock);
    const db = ['--db', core.target];
    const listed = await ramed('outbox', 'status', '--json', ...db);
    const [first] = (listed.json as { messages: Array<{ id: number; status: string; retries: number }> }).messages;
    expect(first).toMatchObject({ status: 'echec', retries: 0 });
    const text = await ramed('outbox', 'status', ...db);
    expect(text.stdout).toContain(`n° ${first!.id} 2026-11 v1 `);

    const run = await ramed('outbox', 'retry', String(first!.id), '--reason', 'Réseau rétabli', ...db);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toMatch(/^2026-11 v1 \S+ remise en file d’envoi \(40 tentative\(s\) déjà faites, conservées\)/);
    expect(await ramed('outbox', 'retry', String(first!.id), '--reason', 'Réseau rétabli', ...db)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('déjà en attente d’envoi'),
    });
    expect(await ramed('outbox', 'retry', 'abc', '--reason', 'Réseau rétabli', ...db)).toMatchObject({ code: 2 });
    expect(await ramed('outbox', 'retry', String(first!.id), ...db)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Indiquez le motif'),
    });
  }, 120_000);
});
