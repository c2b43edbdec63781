import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemClock } from '../../electron/core/clock';
import { startAnamReceiver, type AnamReceiver } from '../support/anam-receiver';
import { ramed } from '../support/cli';
import { describeEachDb, openTestCore, type TestCore } from '../support/db';
import { queuedClaim } from '../support/outbox';

/** The command line runs on the app's clock (RAMED_TODAY, or the machine's). */
const anHourAgo = () => new Date(systemClock.now().getTime() - 3_600_000).toISOString();

describeEachDb('ramed outbox', (kind) => {
  let core: TestCore;
  let receiver: AnamReceiver;
  beforeEach(async () => {
    core = await openTestCore(kind);
    receiver = await startAnamReceiver({ token: 'jeton' });
    await queuedClaim(core.deps.handle.db, '2026-11', 3, anHourAgo());
  });
  afterEach(async () => {
    await receiver.close();
    await core.dispose();
  });

  it('shows the queue, refuses to send without an address, sends until empty through a 500', async () => {
    const db = ['--db', core.target];
    const before = await ramed('outbox', 'status', '--json', ...db);
    expect(before).toMatchObject({ code: 0, json: { pending: 3, delivered: 0, failed: 0 } });
    expect((before.json as { messages: unknown[] }).messages[0]).toEqual({
      id: expect.any(Number),
      claim: '2026-11 v1 E-2026-11-0001',
      key: expect.stringMatching(/^[0-9a-f]{32}$/),
      status: 'en_attente',
      attempts: 0,
      retries: 0,
      lastError: null,
    });
    expect(await ramed('outbox', 'send', ...db)).toMatchObject({ code: 1, stdout: expect.stringContaining('anam.endpoint') });

    expect(await ramed('settings', 'set', 'anam.endpoint', receiver.url, ...db)).toMatchObject({ code: 0 });
    expect(await ramed('settings', 'set', 'anam.token', 'jeton', ...db)).toMatchObject({ code: 0 });
    receiver.plan = (_key, attempt) => (attempt === 1 ? 'http500' : 'none');
    const failed = await ramed('outbox', 'send', '--json', ...db);
    expect(failed).toMatchObject({ code: 1, json: { configured: true, attempted: 3, delivered: 0, failed: 3, pending: 3 } });
    // The retry delays have passed.
    await core.deps.handle.db.updateTable('outbox_message').set({ next_attempt_at: anHourAgo() }).execute();
    const sent = await ramed('outbox', 'send', '--until-empty', '--json', ...db);
    expect(sent).toMatchObject({ code: 0, json: { configured: true, delivered: 3, failed: 0, pending: 0 } });
    expect(receiver.accepted).toHaveLength(3);
    const after = await ramed('outbox', 'status', ...db);
    expect(after.stdout).toContain('0 en attente d’envoi (dont 0 exportée(s) sur clé USB), 3 reçue(s) par l’ANAM, 0 abandonnée(s)');
  }, 30_000);
});
