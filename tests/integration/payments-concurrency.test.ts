import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/app';
import { fixedClock } from '../../electron/core/clock';
import { silentLogger } from '../../electron/core/logger';
import type { Client } from '../../shared/contract/client';
import { anamResponse, registerFile, responseBundle, sentClaims, signMonth } from '../support/claim-responses';
import { closedEpisode, novemberEnded } from '../support/claims';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { insertPersons, somePerson } from '../support/persons';
import { importList, setFacility, TEST_TARIFFS } from '../support/reference';

// Two managers on two workstations record and allocate the ANAM's payments at once (on PostgreSQL, two pools).
describeEachDb('payments recorded from two workstations at once', (kind) => {
  let desk1: TestCore;
  let desk2: Core;
  let fatoumata: Client;
  let ibrahim: Client;

  beforeEach(async () => {
    desk1 = await openTestCore(kind, { clock: novemberEnded() });
    await setFacility(desk1, 'cscom');
    await importList(desk1, 'tariffs', TEST_TARIFFS);
    const persons = await insertPersons(desk1.deps.handle.db, [somePerson(1), somePerson(2)]);
    await closedEpisode(desk1, persons[0]!, [{ code: 'CS-CUR' }, { code: 'HO-OBS', quantity: 3 }], '2026-10-08');
    await closedEpisode(desk1, persons[1]!, [{ code: 'CS-CUR' }, { code: 'LB-GE' }], '2026-11-03');
    fatoumata = clientFor(desk1, slotAs(['gestionnaire'], null, 'fatoumata'));
    const october = await signMonth(fatoumata, '2026-10');
    await signMonth(fatoumata, '2026-11');
    // October: 3 500 FCFA claimed, all accepted. November: 1 000 claimed, not answered.
    const [claim] = await sentClaims(desk1.deps.handle.db, october.id);
    const answered = await fatoumata.claims.importResponse({ file: registerFile(desk1, responseBundle([anamResponse(claim!)])) });
    if (!answered.ok) throw new Error(answered.error.message);
    desk2 = await openCore({ db: desk1.target, clock: fixedClock('2026-12-02T10:00:00.000Z'), log: silentLogger });
    ibrahim = clientFor(desk2, slotAs(['gestionnaire'], null, 'ibrahim'));
  });
  afterEach(async () => {
    await desk2.close();
    await desk1.dispose();
  });

  const allocated = async () =>
    (
      await desk1.deps.handle.db
        .selectFrom('payment_allocation')
        .innerJoin('claim', 'claim.id', 'payment_allocation.claim_id')
        .select(['claim.month', 'payment_allocation.payment_id', 'payment_allocation.amount'])
        .execute()
    ).map((r) => ({ ...r, amount: Number(r.amount) }));

  it('never allocates more to a claim than it may still get', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? ibrahim : fatoumata).payments.add({
          paidOn: '2026-11-15',
          amount: 2000,
          reference: `VIR-${i}`,
          allocations: [{ month: '2026-10', version: 1, amount: 2000 }],
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(
      results
        .filter((r) => !r.ok)
        .every((r) => !r.ok && r.error.fields?.['allocations.0.amount']?.includes('dépassent ce qui reste à payer')),
    ).toBe(true);
    const rows = await allocated();
    expect(rows.reduce((sum, r) => sum + r.amount, 0)).toBe(2000);
    expect(await desk1.deps.handle.db.selectFrom('payment').select('reference').execute()).toHaveLength(1);
  });

  it('never allocates more of a payment than its amount, nor records one reference twice', async () => {
    for (let round = 0; round < 5; round++) {
      const recorded = await fatoumata.payments.add({ paidOn: '2026-11-15', amount: 400, reference: `VIR-BDM-${round}` });
      if (!recorded.ok) throw new Error(recorded.error.message);
      const paymentId = recorded.value.id;
      const [toOctober, toNovember, same, twin] = await Promise.all([
        fatoumata.payments.allocate({ paymentId, allocations: [{ month: '2026-10', version: 1, amount: 300 }] }),
        ibrahim.payments.allocate({ paymentId, allocations: [{ month: '2026-11', version: 1, amount: 200 }] }),
        ibrahim.payments.add({ paidOn: '2026-11-15', amount: 100, reference: `CHQ-${round}` }),
        fatoumata.payments.add({ paidOn: '2026-11-15', amount: 100, reference: `CHQ-${round}` }),
      ]);
      expect([toOctober.ok, toNovember.ok].filter(Boolean)).toHaveLength(1);
      expect([same.ok, twin.ok].filter(Boolean)).toHaveLength(1);
    }
    const rows = await allocated();
    const byPayment = new Map<number, number>();
    for (const r of rows) byPayment.set(r.payment_id, (byPayment.get(r.payment_id) ?? 0) + r.amount);
    expect(byPayment.size).toBe(5);
    expect([...byPayment.values()].every((total) => total <= 400)).toBe(true);
  });
});
