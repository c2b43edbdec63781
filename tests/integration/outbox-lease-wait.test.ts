import { afterEach, beforeEach, expect, it } from 'vitest';
import { nextDueAt } from '../../electron/core/outbox/send';
import { sendQueue } from '../../electron/core/outbox/send-queue';
import { startAnamReceiver, type AnamReceiver } from '../support/anam-receiver';
import { describeEachDb, openTestCore, type TestCore } from '../support/db';
import { manualClock, pointAt, queuedClaim, testWorker } from '../support/outbox';

const NOW = '2026-11-16T09:30:00.000Z';
const LEASE_END = '2026-11-16T09:32:00.000Z';

/** A message leased by a worker that died is not due before its lease ends: `send --until-empty` waits for it, without spinning. */
describeEachDb('outbox wait on a dead worker’s lease', (kind) => {
  let core: TestCore;
  let receiver: AnamReceiver;
  const clock = manualClock(NOW);
  beforeEach(async () => {
    core = await openTestCore(kind, { clock });
    receiver = await startAnamReceiver({ token: 'jeton' });
    await pointAt(core.deps, receiver.url, 'jeton');
    await queuedClaim(core.deps.handle.db, '2026-11', 2, '2026-11-16T09:00:00.000Z');
  });
  afterEach(async () => {
    await receiver.close();
    await core.dispose();
  });

  it('answers the lease end as the next due time, and sends the rest without spinning until then', async () => {
    const db = core.deps.handle.db;
    const [leased] = await db.selectFrom('outbox_message').select('id').orderBy('id').limit(1).execute();
    await db
      .updateTable('outbox_message')
      .set({ lease_owner: 'poste-mort', lease_until: LEASE_END })
      .where('id', '=', leased!.id)
      .execute();
    expect(await nextDueAt(db)).toBe('2026-11-16T09:00:00.000Z');

    const stop = new AbortController();
    const passes: string[] = [];
    const sending = sendQueue(testWorker(core.deps, clock, 'poste-1'), {
      untilEmpty: true,
      signal: stop.signal,
      progress: (_done, _total, label) => passes.push(label),
    });
    // The clock does not move: the leased message stays out of reach, and the sender must wait rather than loop.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await nextDueAt(db)).toBe(LEASE_END);
    stop.abort();
    expect(await sending).toMatchObject({ delivered: 1, pending: 1 });
    // One pass, then the wait (a last, empty pass once stopped): a spinning sender makes thousands.
    expect(passes.length).toBeLessThanOrEqual(2);
    expect(passes[0]).toBe('1 envoyée(s), 1 en attente');
  });
});
