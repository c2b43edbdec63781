import { spawn } from 'node:child_process';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemClock } from '../../electron/core/clock';
import { outboxStatus } from '../../electron/core/outbox/status';
import { actingAs } from '../../electron/core/service-context';
import { sendDue } from '../../electron/core/outbox/send';
import { startAnamReceiver, type AnamReceiver, type Fault } from '../support/anam-receiver';
import { describeEachDb, openTestCore, type TestCore } from '../support/db';
import { manualClock, pointAt, queuedClaim, testWorker } from '../support/outbox';

const TOKEN = 'jeton-de-test';
const HOUR = 3_600_000;
/** Faults of the first try of a key, by its position; `delay` costs a real timeout, so it is rare. */
const FAULTS: Fault[] = ['http500', 'http503', 'drop', 'twice', 'malformed', 'partial', 'none', 'http500', 'drop', 'none'];

describeEachDb('outbox under faults', (kind) => {
  let core: TestCore;
  let receiver: AnamReceiver;
  // Start in the past so a child process on the app's clock (RAMED_TODAY or the machine's) finds the messages due.
  const clock = manualClock(new Date(systemClock.now().getTime() - HOUR).toISOString());

  beforeEach(async () => {
    core = await openTestCore(kind, { clock });
    receiver = await startAnamReceiver({ token: TOKEN, delayMs: 1500 });
  });
  afterEach(async () => {
    await receiver.close();
    await core.dispose();
  });

  it('delivers 200 claims exactly once each through every fault, restarts and a worker killed mid-send', async () => {
    const db = () => core.deps.handle.db;
    await pointAt(core.deps, receiver.url, TOKEN, 1000);
    await queuedClaim(db(), '2026-11', 200, clock.now().toISOString());
    const keys = (await outboxStatus(actingAs(core.deps, 'test'))).messages.map((m) => m.key);
    const position = new Map(keys.map((k, i) => [k, i]));
    let first: string | null = null;
    receiver.plan = (key, attempt) => {
      if (first === null) {
        first = key;
        return 'hang';
      }
      const i = position.get(key)!;
      if (attempt === 1) return i % 67 === 5 ? 'delay' : FAULTS[i % FAULTS.length]!;
      if (attempt === 2 && i % 7 === 0) return 'http503';
      return 'none';
    };

    // A worker process takes the first message, the ANAM takes it in, and the process dies before the answer.
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/outbox-child.ts', core.target, 'processus-tue'], {
      stdio: 'ignore',
    });
    await new Promise<void>((resolve) => (receiver.onHang = () => resolve()));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(receiver.accepted).toEqual([first]);
    const orphan = await db()
      .selectFrom('outbox_message')
      .select(['lease_owner', 'status'])
      .where('idempotency_key', '=', first!)
      .executeTakeFirstOrThrow();
    expect(orphan).toEqual({ lease_owner: 'processus-tue', status: 'en_attente' });

    // The ANAM is unreachable for a while: attempts fail with a French message, nothing is lost.
    await receiver.refuseConnections();
    const offline = await sendDue(testWorker(core.deps, clock, 'hors-ligne'), { limit: 5 });
    expect(offline).toMatchObject({ attempted: 5, delivered: 0, failed: 5 });
    const failing = (await outboxStatus(actingAs(core.deps, 'test'))).messages.filter((m) => m.attempts > 0);
    expect(failing.reduce((sum, m) => sum + m.attempts, 0)).toBe(5);
    expect(failing.every((m) => m.status === 'en_attente' && m.lastError === 'Connexion à l’ANAM impossible (service injoignable).')).toBe(
      true,
    );
    await receiver.open();

    // Workers come and go (a new one each round, two at once), time moves past every backoff and lease.
    let round = 0;
    for (; round < 12 && (await outboxStatus(actingAs(core.deps, 'test'))).pending > 0; round++) {
      await Promise.all([
        sendDue(testWorker(core.deps, clock, `poste-a-${round}`, round + 1)),
        sendDue(testWorker(core.deps, clock, `poste-b-${round}`, round + 101)),
      ]);
      clock.advance(2 * HOUR);
    }

    const status = await outboxStatus(actingAs(core.deps, 'test'));
    expect(status).toMatchObject({ pending: 0, failed: 0, delivered: 200 });
    expect(new Set(receiver.accepted)).toEqual(new Set(keys));
    expect(receiver.accepted).toHaveLength(200);
    expect(receiver.concurrent).toEqual([]);
    expect(receiver.refused).toEqual([]);
    // Claims answered 409 (a duplicate after a lost answer) have no ClaimResponse yet: the version is sent, not all answered.
    expect(await db().selectFrom('claim').select('status').executeTakeFirstOrThrow()).toEqual({ status: 'envoyee' });
    // Every answer that came back is applied line by line: each partial answer rejected its Claim's last line.
    const rejected = await db()
      .selectFrom('claim_response_line')
      .innerJoin('claim_response', 'claim_response.id', 'claim_response_line.response_id')
      .innerJoin('outbox_message', 'outbox_message.id', 'claim_response.message_id')
      .select(['outbox_message.idempotency_key', 'claim_response_line.sequence', 'claim_response_line.reason_code'])
      .where('claim_response_line.status', '=', 'rejetee')
      .execute();
    const partial = keys.filter((k, i) => k !== first && i % FAULTS.length === 5 && i % 67 !== 5);
    expect(rejected.map((r) => r.idempotency_key).sort()).toEqual(partial.sort());
    expect(rejected.every((r) => r.sequence === 2 && r.reason_code === 'NOT_IN_TARIFF')).toBe(true);

    // Every attempt is on record; the killed worker's message was taken over after its lease and answered 409.
    const attempts = await db().selectFrom('outbox_attempt').selectAll().execute();
    expect(attempts.length).toBe(status.messages.reduce((sum, m) => sum + m.attempts, 0));
    const taken = await db()
      .selectFrom('outbox_attempt')
      .innerJoin('outbox_message', 'outbox_message.id', 'outbox_attempt.message_id')
      .select(['outbox_attempt.outcome', 'outbox_attempt.http_status'])
      .where('outbox_message.idempotency_key', '=', first!)
      // In the order they were made: PostgreSQL gives a join's rows in no order of its own.
      .orderBy('outbox_attempt.id')
      .execute();
    expect(taken.at(-1)).toEqual({ outcome: 'doublon', http_status: 409 });
    const errors = new Set(attempts.map((a) => a.error?.replace(/\d+/g, 'N')).filter(Boolean));
    expect([...errors].sort()).toEqual(
      [
        'Connexion à l’ANAM impossible (service injoignable).',
        'Connexion interrompue avec l’ANAM (UND_ERR_SOCKET).',
        'L’ANAM a répondu HTTP N : Erreur interne du serveur.',
        'L’ANAM a répondu HTTP N : Maintenance.',
        'Pas de réponse de l’ANAM en N s (délai dépassé).',
        'Réponse illisible de l’ANAM (JSON invalide).',
      ].sort(),
    );
  }, 120_000);
});
