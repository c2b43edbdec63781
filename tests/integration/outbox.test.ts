import { afterEach, beforeEach, expect, it } from 'vitest';
import { outboxStatus } from '../../electron/core/outbox/status';
import { actingAs } from '../../electron/core/service-context';
import { sendDue } from '../../electron/core/outbox/send';
import type { Client } from '../../shared/contract/client';
import { startAnamReceiver, type AnamReceiver } from '../support/anam-receiver';
import { closedEpisode } from '../support/claims';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { manualClock, pointAt, testWorker } from '../support/outbox';
import { insertPersons, somePerson } from '../support/persons';
import { importList, setFacility, TEST_TARIFFS } from '../support/reference';

const MONTH = '2026-11';

describeEachDb('outbox', (kind) => {
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
    receiver = await startAnamReceiver({ token: 'jeton' });
  });
  afterEach(async () => {
    await receiver.close();
    await core.dispose();
  });

  const signed = async () => {
    const built = await manager.claims.build({ month: MONTH });
    if (!built.ok) throw new Error(built.error.message);
    const view = await manager.claims.get({ month: MONTH });
    if (!view.ok) throw new Error(view.error.message);
    const result = await manager.claims.sign({ month: MONTH, sha256: view.value.sha256 });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  it('queues one message per Claim at sign-off, with the key the FHIR export carries, and nothing for a refused sign-off', async () => {
    expect(await manager.claims.sign({ month: MONTH, sha256: '0'.repeat(64) })).toMatchObject({ ok: false });
    expect((await outboxStatus(actingAs(core.deps, 'test'))).messages).toEqual([]);

    await signed();
    const status = await outboxStatus(actingAs(core.deps, 'test'));
    expect(status).toMatchObject({ pending: 2, delivered: 0, failed: 0, lastSuccessAt: null });
    const fhir = await manager.claims.export({ month: MONTH, format: 'fhir' });
    if (!fhir.ok) throw new Error(fhir.error.message);
    const bundle = JSON.parse(Buffer.from(fhir.value.base64, 'base64').toString('utf8')) as {
      entry: Array<{ resource: { identifier: Array<{ system: string; value: string }> } }>;
    };
    const exported = bundle.entry.map((e) => e.resource.identifier.find((i) => i.system.endsWith('cle-idempotence'))!.value);
    expect(status.messages.map((m) => m.key)).toEqual(exported);
    expect(status.messages.map((m) => m.claim)).toEqual([expect.stringMatching(/^2026-11 v1 /), expect.stringMatching(/^2026-11 v1 /)]);
  });

  it('does nothing without an address, then sends with the token; the ANAM’s answer accepts the version', async () => {
    await signed();
    const env = testWorker(core.deps, clock, 'poste-1');
    expect(await sendDue(env)).toEqual({ configured: false, attempted: 0, delivered: 0, failed: 0 });

    await pointAt(core.deps, receiver.url, 'jeton');
    expect(await sendDue(env)).toEqual({ configured: true, attempted: 2, delivered: 2, failed: 0 });
    expect(receiver.accepted).toHaveLength(2);
    const status = await outboxStatus(actingAs(core.deps, 'test'));
    expect(status).toMatchObject({ pending: 0, delivered: 2, lastSuccessAt: '2026-12-01T09:00:00.000Z' });
    const list = await manager.claims.list({});
    expect(list).toMatchObject({ ok: true, value: [{ month: MONTH, status: 'acceptee' }] });
  });

  it('keeps retrying a refused token with growing waits, and honours Retry-After on 503', async () => {
    await signed();
    await pointAt(core.deps, receiver.url, 'mauvais-jeton');
    const env = { ...testWorker(core.deps, clock, 'poste-1'), random: () => 0.999 };
    expect(await sendDue(env, { limit: 1 })).toMatchObject({ attempted: 1, failed: 1 });
    const first = (await outboxStatus(actingAs(core.deps, 'test'))).messages[0]!;
    expect(first).toMatchObject({ attempts: 1, status: 'en_attente', lastError: 'L’ANAM a répondu HTTP 401 : Jeton invalide.' });
    expect(Date.parse(first.nextAttemptAt!) - clock.now().getTime()).toBe(29_970);

    await pointAt(core.deps, receiver.url, 'jeton');
    receiver.plan = () => 'http503';
    clock.advance(30_000);
    expect(await sendDue(env)).toMatchObject({ attempted: 2, failed: 2 });
    const second = (await outboxStatus(actingAs(core.deps, 'test'))).messages.find((m) => m.key === first.key)!;
    expect(second).toMatchObject({ attempts: 2, lastError: 'L’ANAM a répondu HTTP 503 : Maintenance.' });
    expect(Date.parse(second.nextAttemptAt!) - clock.now().getTime()).toBe(120_000);
  });

  it('tries each message once per pass, even when the drawn wait is nothing: the next try waits a second', async () => {
    await signed();
    await pointAt(core.deps, receiver.url, 'jeton');
    receiver.plan = () => 'http500';
    const env = { ...testWorker(core.deps, clock, 'poste-1'), random: () => 0 };
    expect(await sendDue(env)).toMatchObject({ attempted: 2, failed: 2 });
    const messages = (await outboxStatus(actingAs(core.deps, 'test'))).messages;
    expect(messages.map((m) => m.attempts)).toEqual([1, 1]);
    for (const m of messages) expect(Date.parse(m.nextAttemptAt!) - clock.now().getTime()).toBe(1000);

    expect(await sendDue(env)).toMatchObject({ attempted: 0 });
    clock.advance(1000);
    expect(await sendDue(env)).toMatchObject({ attempted: 2, failed: 2 });
  });
});
