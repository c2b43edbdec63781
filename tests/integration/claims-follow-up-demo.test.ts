import { afterEach, beforeEach, expect, it } from 'vitest';
import { runDemo } from '../../electron/core/demo/demo';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { insertPersons, somePerson } from '../support/persons';

// The test clock reads 16 November 2026: the demo of October claims May, sent in early June.
describeEachDb('demo: a month sent, partly rejected, partly paid', (kind) => {
  let core: TestCore;
  beforeEach(async () => {
    core = await openTestCore(kind);
  });
  afterEach(async () => core.dispose());

  it('shows the delay of an unpaid claim, its rejected lines and the payment', async () => {
    await insertPersons(
      core.deps.handle.db,
      Array.from({ length: 300 }, (_, i) => ({
        ...somePerson(i, 'Diarra', `Personne ${i}`),
        sex: i % 2 ? 'F' : 'M',
        birth_date: `${1950 + (i % 70)}-01-01`,
      })),
    );
    await runDemo(core.deps, { month: '2026-10', episodes: 90 });
    const manager = clientFor(core, slotAs(['gestionnaire']));
    const list = await manager.claims.list({});
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value).toHaveLength(1);
    const [may] = list.value;
    expect(may).toMatchObject({ month: '2026-05', version: 1, status: 'partiellement_rejetee' });
    const f = may!.followUp!;
    expect(f).toMatchObject({ sentAt: '2026-06-04T09:30:00.000Z', daysSinceSent: 165, overdue: true, pendingMessages: 0 });
    expect(f.answered).toBe(f.claimed);
    expect(f.rejected).toBeGreaterThan(0);
    expect(f.paid).toBeGreaterThan(0);
    expect(f.outstanding).toBe(f.accepted - f.paid);

    const follow = await manager.claims.followUp({ month: '2026-05', version: 1 });
    if (!follow.ok) throw new Error(follow.error.message);
    expect(new Set(follow.value.lines.map((l) => l.state))).toEqual(new Set(['acceptee', 'ajustee', 'rejetee']));
    expect(follow.value.rejectedToResubmit).toBeGreaterThan(0);
    const payments = await manager.payments.list({});
    expect(payments.ok && payments.value.map((p) => [p.paidOn, p.reference, p.unallocated])).toEqual([
      ['2026-09-20', 'VIR-ANAM-202605-01', 0],
    ]);
    expect(await manager.outbox.summary({})).toMatchObject({ ok: true, value: { pending: 0, delivered: follow.value.responses.length } });
  });
});
