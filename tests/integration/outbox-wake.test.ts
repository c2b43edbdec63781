import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { systemClock } from '../../electron/core/clock';
import { addDays } from '../../shared/lib/dates';
import { startOutboxWorker } from '../../electron/core/outbox/worker';
import { startAnamReceiver, type AnamReceiver } from '../support/anam-receiver';
import { signMonth } from '../support/claim-responses';
import { closedEpisode } from '../support/claims';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { pointAt } from '../support/outbox';
import { insertPersons, somePerson } from '../support/persons';
import { importList, setFacility, TEST_TARIFFS } from '../support/reference';

describeEachDb('the worker woken by a sign-off', (kind) => {
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

  it('sends a just-signed claim at once instead of at its next look (a minute later)', async () => {
    await setFacility(core, 'cscom');
    await importList(core, 'tariffs', TEST_TARIFFS);
    // Valid past the app's day (RAMED_TODAY or the machine's), so last month's care is claimable.
    const validTo = `${systemClock.now().getUTCFullYear() + 2}-12-31`;
    const [person] = await insertPersons(core.deps.handle.db, [{ ...somePerson(1), valid_to: validTo }]);
    // The last day of the month before today's: a month is claimed once it has ended.
    const today = systemClock.now().toISOString().slice(0, 10);
    const lastMonthEnd = addDays(`${today.slice(0, 7)}-01`, -1);
    await closedEpisode(core, person!, [{ code: 'CS-CUR' }], lastMonthEnd);
    await pointAt(core.deps, receiver.url, 'jeton');
    const worker = startOutboxWorker(core, 'test');
    try {
      // The worker has looked once, found nothing, and sleeps for its idle minute.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await signMonth(clientFor(core, slotAs(['gestionnaire'])), lastMonthEnd.slice(0, 7));
      await vi.waitFor(() => expect(receiver.accepted).toHaveLength(1), { timeout: 5_000, interval: 100 });
    } finally {
      await worker.stop();
    }
  });
});
