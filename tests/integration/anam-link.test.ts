import { afterEach, beforeEach, expect, it } from 'vitest';
import { pollDecisions } from '../../electron/core/outbox/poll';
import { sendDue } from '../../electron/core/outbox/send';
import { outboxStatus } from '../../electron/core/outbox/status';
import { actingAs } from '../../electron/core/service-context';
import { setSetting } from '../../electron/core/settings/settings';
import { registerFile } from '../support/claim-responses';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { startFhirStandIn, type AnswerForm, type FhirStandIn, type Flavour, type StandInFault } from '../support/fhir-stand-in';
import { manualClock, pointAt, queuedClaim, testWorker } from '../support/outbox';
import { setFacility } from '../support/reference';

const TOKEN = 'jeton-de-test';
const HOUR = 3_600_000;

describeEachDb('the live link with the ANAM', (kind) => {
  let core: TestCore;
  let standIn: FhirStandIn | undefined;
  const clock = manualClock('2026-12-01T09:00:00.000Z');
  const db = () => core.deps.handle.db;
  const worker = (name = 'poste-1', seed = 1) => testWorker(core.deps, clock, name, seed);

  beforeEach(async () => {
    core = await openTestCore(kind, { clock });
  });
  afterEach(async () => {
    await standIn?.close();
    standIn = undefined;
    await core.dispose();
  });

  async function link(flavour: Flavour, mode: 'bundle' | 'claim', episodes: number, timeoutMs = 1000) {
    standIn = await startFhirStandIn({ flavour, token: TOKEN });
    await pointAt(core.deps, standIn.url, TOKEN, timeoutMs);
    await setSetting(actingAs(core.deps, 'test'), { key: 'anam.submitMode', value: mode });
    const claimId = await queuedClaim(db(), '2026-11', episodes, clock.now().toISOString());
    return { standIn, claimId, keys: (await outboxStatus(actingAs(core.deps, 'test'))).messages.map((m) => m.key) };
  }

  const decisions = () =>
    db()
      .selectFrom('claim_response')
      .innerJoin('outbox_message', 'outbox_message.id', 'claim_response.message_id')
      .select(['outbox_message.idempotency_key as key', 'claim_response.outcome', 'claim_response.source'])
      .orderBy('claim_response.id')
      .execute();

  it.each<AnswerForm>(['key', 'business', 'reference', 'identifiers', 'none'])(
    'delivers once, decided, an answer naming its Claim by %s in the transaction-response',
    async (form) => {
      const { standIn, keys } = await link('hapi', 'bundle', 3);
      standIn.inline = form;
      expect(await sendDue(worker())).toMatchObject({ attempted: 3, delivered: 3, failed: 0 });
      clock.advance(2 * HOUR);
      expect(await sendDue(worker())).toMatchObject({ attempted: 0 });
      expect(await pollDecisions(worker())).toEqual({ polled: 0, decided: 0 });

      expect(standIn.accepted).toEqual(keys);
      expect([...standIn.posts.values()]).toEqual([1, 1, 1]);
      expect(await decisions()).toEqual(keys.map((key) => ({ key, outcome: 'complete', source: 'envoi' })));
      const rows = await db().selectFrom('outbox_message').select(['status', 'remote_id', 'next_poll_at']).orderBy('id').execute();
      expect(rows).toEqual([...standIn.held.keys()].map((remoteId) => ({ status: 'livre', remote_id: remoteId, next_poll_at: null })));
      expect(await db().selectFrom('claim').select('status').executeTakeFirstOrThrow()).toEqual({ status: 'acceptee' });
    },
  );

  it('refuses an answer that positively names another claim, and keeps the Claim to send', async () => {
    const { standIn } = await link('hapi', 'bundle', 1);
    standIn.inline = 'wrong';
    expect(await sendDue(worker())).toMatchObject({ attempted: 1, delivered: 0, failed: 1 });
    const [message] = (await outboxStatus(actingAs(core.deps, 'test'))).messages;
    expect(message).toMatchObject({
      status: 'en_attente',
      lastError: expect.stringMatching(
        /^Réponse de l’ANAM pour une autre réclamation \(https:\/\/ramed\.anam\.ml\/fhir\/sid\/reclamation\|CSCOM-BKO-01-2026-11-v1-/,
      ),
    });
    expect(await decisions()).toEqual([]);
  });

  it('delivers on a transaction-response without ClaimResponse, then applies the decision found by polling', async () => {
    const { standIn, keys } = await link('hapi', 'bundle', 2);
    expect(await sendDue(worker())).toMatchObject({ attempted: 2, delivered: 2 });
    expect((await outboxStatus(actingAs(core.deps, 'test'))).delivered).toBe(2);
    expect(await decisions()).toEqual([]);
    expect(await db().selectFrom('claim').select('status').executeTakeFirstOrThrow()).toEqual({ status: 'envoyee' });

    // Not due yet, then due but undecided: asked once, nothing applied.
    expect(await pollDecisions(worker())).toEqual({ polled: 0, decided: 0 });
    clock.advance(HOUR);
    expect(await pollDecisions(worker())).toEqual({ polled: 2, decided: 0 });
    expect(standIn.polls).toEqual([...standIn.held.keys()].map((id) => `Claim/${id}`));

    standIn.decide(keys[0]!);
    standIn.decide(keys[1]!, true);
    expect(await pollDecisions(worker())).toEqual({ polled: 0, decided: 0 });
    clock.advance(HOUR);
    expect(await pollDecisions(worker())).toEqual({ polled: 2, decided: 2 });
    clock.advance(HOUR);
    expect(await pollDecisions(worker())).toEqual({ polled: 0, decided: 0 });
    expect(await decisions()).toEqual([
      { key: keys[0], outcome: 'complete', source: 'envoi' },
      { key: keys[1], outcome: 'partial', source: 'envoi' },
    ]);
    expect(standIn.accepted).toEqual(keys);
    expect(await db().selectFrom('claim').select('status').executeTakeFirstOrThrow()).toEqual({ status: 'partiellement_rejetee' });
  });

  it('posts a plain Claim to an openIMIS-like server: queued, then decided by polling its Claim/<uuid>', async () => {
    const { standIn, keys } = await link('openimis', 'claim', 2);
    expect(await sendDue(worker())).toMatchObject({ attempted: 2, delivered: 2, failed: 0 });
    const remote = await db().selectFrom('outbox_message').select('remote_id').orderBy('id').execute();
    expect(remote.map((r) => r.remote_id)).toEqual([...standIn.held.keys()]);
    standIn.decide(keys[0]!, true);
    clock.advance(HOUR);
    expect(await pollDecisions(worker())).toEqual({ polled: 2, decided: 1 });
    expect(await decisions()).toEqual([{ key: keys[0], outcome: 'partial', source: 'envoi' }]);
    expect(await db().selectFrom('claim').select('status').executeTakeFirstOrThrow()).toEqual({ status: 'envoyee' });

    standIn.decideAtOnce = true;
    standIn.decide(keys[1]!);
    clock.advance(HOUR);
    expect(await pollDecisions(worker())).toEqual({ polled: 1, decided: 1 });
    expect(standIn.accepted).toEqual(keys);
  });

  it('takes openIMIS’s decided answer to the POST itself (identifiers copied, request a reference to its UUID)', async () => {
    const { standIn, keys } = await link('openimis', 'claim', 2);
    standIn.decideAtOnce = true;
    expect(await sendDue(worker())).toMatchObject({ attempted: 2, delivered: 2 });
    expect(await decisions()).toEqual(keys.map((key) => ({ key, outcome: 'complete', source: 'envoi' })));
    clock.advance(2 * HOUR);
    expect(await pollDecisions(worker())).toEqual({ polled: 0, decided: 0 });
  });

  it.each<[Flavour, 'bundle' | 'claim']>([
    ['openimis', 'claim'],
    ['hapi', 'bundle'],
    ['hapi', 'claim'],
  ])('delivers each Claim exactly once in effect through faults (%s, %s mode), then polls their decisions', async (flavour, mode) => {
    const faults: StandInFault[] = ['http500', 'http503', 'drop', 'dropAfterStore', 'malformed', 'delay', 'none'];
    const { standIn, keys } = await link(flavour, mode, faults.length, 1000);
    standIn.delayMs = 1500;
    const position = new Map(keys.map((k, i) => [k, i]));
    standIn.plan = (key, attempt) =>
      attempt === 1 ? faults[position.get(key)!]! : attempt === 2 && position.get(key) === 1 ? 'http503' : 'none';

    for (let round = 0; round < 6 && (await outboxStatus(actingAs(core.deps, 'test'))).pending > 0; round++) {
      await Promise.all([sendDue(worker(`a-${round}`, round + 1)), sendDue(worker(`b-${round}`, round + 50))]);
      clock.advance(2 * HOUR);
    }
    expect(await outboxStatus(actingAs(core.deps, 'test'))).toMatchObject({ pending: 0, failed: 0, delivered: faults.length });
    expect(standIn.accepted.slice().sort()).toEqual(keys.slice().sort());
    // A 503 with Retry-After: 120 waited its two minutes, the first failures were retried.
    const attempts = await db().selectFrom('outbox_attempt').select(['outcome', 'error']).execute();
    expect(attempts.filter((a) => a.outcome === 'echec').length).toBeGreaterThanOrEqual(6);
    expect(new Set(attempts.map((a) => a.error?.replace(/\d+/g, 'N')).filter(Boolean))).toEqual(
      new Set([
        'L’ANAM a répondu HTTP N : Internal server error.',
        'L’ANAM a répondu HTTP N : Maintenance.',
        'Connexion interrompue avec l’ANAM (UND_ERR_SOCKET).',
        'Réponse illisible de l’ANAM (JSON invalide).',
        'Pas de réponse de l’ANAM en N s (délai dépassé).',
      ]),
    );

    for (const key of keys) standIn.decide(key);
    clock.advance(2 * HOUR);
    expect(await pollDecisions(worker())).toEqual({ polled: faults.length, decided: faults.length });
    expect((await decisions()).map((d) => d.key).sort()).toEqual(keys.slice().sort());
    expect(await db().selectFrom('claim').select('status').executeTakeFirstOrThrow()).toEqual({ status: 'acceptee' });
  });

  it('imports a file of answers naming the Claims by the server’s ids (request.reference), and refuses a reference to a claim it does not hold', async () => {
    const { standIn, keys } = await link('hapi', 'bundle', 2);
    await setFacility(core, 'cscom');
    expect(await sendDue(worker())).toMatchObject({ delivered: 2 });
    for (const key of keys) standIn.decide(key);
    const answers = [...standIn.held.values()].map((h) => h.decision);
    const manager = clientFor(core, slotAs(['gestionnaire'], null, 'fatoumata'));
    const importJson = (content: unknown) => manager.claims.importResponse({ file: registerFile(core, content) });

    const wrong = await importJson({ ...answers[0]!, request: { reference: 'Claim/999999' } });
    expect(wrong).toMatchObject({
      ok: false,
      error: { message: 'Fichier refusé, rien n’a été importé : réponse n° 1 : aucune réclamation envoyée sous 999999.' },
    });
    const { request: _request, ...unnamed } = answers[0] as { request: unknown };
    expect(await importJson(unnamed)).toMatchObject({
      ok: false,
      error: {
        message:
          'Fichier refusé, rien n’a été importé : réponse n° 1 : la réponse ne dit pas à quelle réclamation elle répond (ni request, ni identifiant de la réclamation).',
      },
    });
    expect(await decisions()).toEqual([]);

    expect(
      await importJson({ resourceType: 'Bundle', type: 'collection', entry: answers.map((resource) => ({ resource })) }),
    ).toMatchObject({
      ok: true,
      value: { responses: 2, applied: 2 },
    });
    expect(await decisions()).toEqual(keys.map((key) => ({ key, outcome: 'complete', source: 'fichier' })));
    // Decided by file: nothing left to ask the ANAM.
    clock.advance(2 * HOUR);
    expect(await pollDecisions(worker())).toEqual({ polled: 0, decided: 0 });
  });

  it('does nothing offline: no endpoint, no send and no poll', async () => {
    await queuedClaim(db(), '2026-11', 1, clock.now().toISOString());
    expect(await sendDue(worker())).toMatchObject({ configured: false, attempted: 0 });
    expect(await pollDecisions(worker())).toEqual({ polled: 0, decided: 0 });
  });
});
