import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { systemClock } from '../../electron/core/clock';
import { outboxStatus } from '../../electron/core/outbox/status';
import { actingAs } from '../../electron/core/service-context';
import { startOutboxWorker } from '../../electron/core/outbox/worker';
import { startAnamReceiver, type AnamReceiver } from '../support/anam-receiver';
import { describeEachDb, openTestCore, type TestCore } from '../support/db';
import { pointAt, queuedClaim } from '../support/outbox';

describeEachDb('outbox worker of the hosts', (kind) => {
  let core: TestCore;
  let receiver: AnamReceiver;
  beforeEach(async () => {
    core = await openTestCore(kind, { clock: systemClock });
    receiver = await startAnamReceiver({ token: 'jeton' });
  });
  afterEach(async () => {
    await receiver.close();
    await core.dispose();
  });

  it('sends what is queued in the background, picks up a new sign-off when woken, and stops cleanly', async () => {
    const db = core.deps.handle.db;
    await pointAt(core.deps, receiver.url, 'jeton');
    await queuedClaim(db, '2026-10', 4, systemClock.now().toISOString());
    const worker = startOutboxWorker(core, 'test');
    try {
      await vi.waitFor(() => expect(receiver.accepted).toHaveLength(4), { timeout: 10_000 });
      await vi.waitFor(async () => expect(await outboxStatus(actingAs(core.deps, 'test'))).toMatchObject({ pending: 0, delivered: 4 }));
      await queuedClaim(db, '2026-11', 2, systemClock.now().toISOString());
      worker.wake();
      await vi.waitFor(async () => expect(await outboxStatus(actingAs(core.deps, 'test'))).toMatchObject({ pending: 0, delivered: 6 }), {
        timeout: 10_000,
      });
    } finally {
      await worker.stop();
    }
    expect(receiver.accepted).toHaveLength(6);
  });
});
