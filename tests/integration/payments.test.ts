import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Client } from '../../shared/contract/client';
import type { ClaimSummary } from '../../shared/domain/claims';
import { anamResponse, registerFile, responseBundle, sentClaims, signMonth } from '../support/claim-responses';
import { closedEpisode, novemberEnded } from '../support/claims';
import { ramed } from '../support/cli';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { insertPersons, somePerson } from '../support/persons';
import { importList, setFacility, TEST_TARIFFS } from '../support/reference';
import { tableCounts } from '../support/snapshot';

describeEachDb('payments of the ANAM', (kind) => {
  let core: TestCore;
  let manager: Client;
  let october: ClaimSummary;
  let november: ClaimSummary;

  beforeEach(async () => {
    core = await openTestCore(kind, { clock: novemberEnded() });
    await setFacility(core, 'cscom');
    await importList(core, 'tariffs', TEST_TARIFFS);
    const persons = await insertPersons(core.deps.handle.db, [somePerson(1), somePerson(2), somePerson(3)]);
    await closedEpisode(core, persons[0]!, [{ code: 'CS-CUR' }, { code: 'HO-OBS', quantity: 3 }], '2026-10-08');
    await closedEpisode(core, persons[1]!, [{ code: 'LB-GE' }], '2026-10-20');
    await closedEpisode(core, persons[2]!, [{ code: 'CS-CUR' }, { code: 'LB-GE' }], '2026-11-03');
    manager = clientFor(core, slotAs(['gestionnaire'], null, 'fatoumata'));
    october = await signMonth(manager, '2026-10');
    november = await signMonth(manager, '2026-11');
    // October: 4 000 FCFA claimed, the observation cut to 2 days (1 000 rejected). November: 1 000, not answered yet.
    const sent = await sentClaims(core.deps.handle.db, october.id);
    const answered = await manager.claims.importResponse({
      file: registerFile(
        core,
        responseBundle([
          anamResponse(sent[0]!, (seq) => (seq === 2 ? { adjust: 2000, code: 'DUREE', text: 'Deux jours' } : 'ok')),
          anamResponse(sent[1]!),
        ]),
      ),
    });
    if (!answered.ok) throw new Error(answered.error.message);
  });
  afterEach(async () => core.dispose());

  const row = async (month: string) => {
    const list = await manager.claims.list({});
    if (!list.ok) throw new Error(list.error.message);
    return list.value.find((c) => c.month === month)!;
  };

  it('allocates a payment to several claims; the list shows paid, outstanding and days since sending', async () => {
    const paid = await manager.payments.add({
      paidOn: '2026-11-14',
      amount: 3500,
      reference: 'VIR-ANAM-2026-0142',
      note: 'Virement BDM',
      allocations: [
        { month: '2026-10', version: 1, amount: 2500 },
        { month: '2026-11', version: 1, amount: 500 },
      ],
    });
    expect(paid).toMatchObject({
      ok: true,
      value: {
        paidOn: '2026-11-14',
        amount: 3500,
        allocated: 3000,
        unallocated: 500,
        recordedBy: 'fatoumata',
        cancelled: null,
        allocations: [
          { month: '2026-10', version: 1, amount: 2500 },
          { month: '2026-11', version: 1, amount: 500 },
        ],
      },
    });
    expect((await row('2026-10')).followUp).toMatchObject({ claimed: 4000, accepted: 3000, rejected: 1000, paid: 2500, outstanding: 500 });
    // November was never sent (no address, no export): no delay is counted yet; what it may still get is its whole claim.
    expect((await row('2026-11')).followUp).toMatchObject({
      claimed: 1000,
      answered: 0,
      paid: 500,
      outstanding: 500,
      sentAt: null,
      daysSinceSent: null,
    });

    // The rest of the payment goes to October, which is then paid.
    const id = paid.ok ? paid.value.id : 0;
    expect(await manager.payments.allocate({ paymentId: id, allocations: [{ month: '2026-10', version: 1, amount: 500 }] })).toMatchObject({
      ok: true,
      value: { allocated: 3500, unallocated: 0 },
    });
    expect(await row('2026-10')).toMatchObject({
      status: 'payee',
      followUp: { paid: 3000, outstanding: 0, daysSinceSent: null, overdue: false },
    });
    const follow = await manager.claims.followUp({ month: '2026-10', version: 1 });
    expect(follow.ok && follow.value.allocations).toEqual([
      { paymentId: id, paidOn: '2026-11-14', reference: 'VIR-ANAM-2026-0142', amount: 2500 },
      { paymentId: id, paidOn: '2026-11-14', reference: 'VIR-ANAM-2026-0142', amount: 500 },
    ]);
  });

  it.each([
    [
      'more than the payment',
      { amount: 1000, allocations: [{ month: '2026-10', version: 1, amount: 1500 }] },
      'allocations',
      'La répartition (1 500 FCFA) dépasse ce qui reste du paiement à répartir (1 000 FCFA).',
    ],
    [
      'more than the claim may still get',
      { amount: 5000, allocations: [{ month: '2026-10', version: 1, amount: 3001 }] },
      'allocations.0.amount',
      '3 001 FCFA dépassent ce qui reste à payer sur octobre 2026 version 1 (3 000 FCFA).',
    ],
    [
      'a claim that does not exist',
      { amount: 500, allocations: [{ month: '2026-09', version: 1, amount: 500 }] },
      'allocations.0.version',
      'Aucune réclamation de septembre 2026 en version 1.',
    ],
    [
      'the same claim twice',
      {
        amount: 500,
        allocations: [
          { month: '2026-10', version: 1, amount: 100 },
          { month: '2026-10', version: 1, amount: 100 },
        ],
      },
      'allocations.1.version',
      'octobre 2026 version 1 figure deux fois dans la répartition.',
    ],
    ['a date in the future', { paidOn: '2026-12-03', amount: 500 }, 'paidOn', 'La date du paiement ne peut pas être dans le futur.'],
    ['an amount with decimals', { amount: 1500.5 }, 'amount', 'Montant en FCFA entiers (sans virgule)'],
  ])('refuses %s next to the field, and records nothing', async (_name, over, field, message) => {
    const before = await tableCounts(core.deps.handle.db);
    const result = await manager.payments.add({ paidOn: '2026-11-14', reference: 'VIR-1', allocations: [], ...over });
    expect(result).toMatchObject({ ok: false, error: { fields: { [field]: message } } });
    expect(await tableCounts(core.deps.handle.db)).toEqual(before);
  });

  it('refuses a reference already recorded; a cancelled payment stops counting and frees its reference', async () => {
    const first = await manager.payments.add({
      paidOn: '2026-11-10',
      amount: 3000,
      reference: 'CHQ 118',
      allocations: [{ month: '2026-10', version: 1, amount: 3000 }],
    });
    expect((await row('2026-10')).status).toBe('payee');
    expect(await manager.payments.add({ paidOn: '2026-11-10', amount: 3000, reference: 'CHQ 118' })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        fields: { reference: 'Un paiement de référence CHQ 118 est déjà enregistré (3 000 FCFA le 10/11/2026, par fatoumata).' },
      },
    });
    const id = first.ok ? first.value.id : 0;
    expect(await manager.payments.cancel({ paymentId: id, reason: 'Chèque rejeté par la banque' })).toMatchObject({
      ok: true,
      value: { cancelled: { by: 'fatoumata', reason: 'Chèque rejeté par la banque' } },
    });
    expect(await row('2026-10')).toMatchObject({ status: 'partiellement_rejetee', followUp: { paid: 0, outstanding: 3000 } });
    expect(await manager.payments.cancel({ paymentId: id, reason: 'Encore' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await manager.payments.allocate({ paymentId: id, allocations: [{ month: '2026-10', version: 1, amount: 10 }] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await manager.payments.add({ paidOn: '2026-11-12', amount: 3000, reference: 'CHQ 118', allocations: [] })).toMatchObject({
      ok: true,
    });
    const list = await manager.payments.list({});
    expect(list.ok && list.value.map((p) => [p.reference, p.cancelled !== null])).toEqual([
      ['CHQ 118', false],
      ['CHQ 118', true],
    ]);
  });

  it('makes the reimbursement delay visible past the setting', async () => {
    await core.deps.handle.db
      .updateTable('outbox_message')
      .set({ exported_at: '2026-08-01T10:00:00.000Z' })
      .where('claim_id', '=', october.id)
      .execute();
    expect((await row('2026-10')).followUp).toMatchObject({ sentAt: '2026-08-01T10:00:00.000Z', daysSinceSent: 123, overdue: true });
    const admin = clientFor(core, slotAs(['admin']));
    expect(await admin.settings.set({ key: 'claims.paymentDelayDays', value: '130' })).toMatchObject({ ok: true });
    expect((await row('2026-10')).followUp).toMatchObject({ daysSinceSent: 123, overdue: false });
    expect(november.status).toBe('signee');
  });

  it('ramed payments add and list', async () => {
    const db = ['--db', core.target];
    const added = await ramed(
      'payments',
      'add',
      '--date',
      '2026-11-15',
      '--amount',
      '3 000',
      '--reference',
      'VIR-77',
      '--allocate',
      '2026-10:v1=2000',
      ...db,
    );
    expect(added).toMatchObject({ code: 0 });
    expect(added.stdout).toContain('15/11/2026  VIR-77  3 000 FCFA (réparti 2 000 FCFA, reste 1 000 FCFA)');
    expect(added.stdout).toContain('octobre 2026 v1 : 2 000 FCFA');
    expect(
      await ramed('payments', 'add', '--date', '2026-11-15', '--amount', '10', '--reference', 'X-1', '--allocate', 'octobre', ...db),
    ).toMatchObject({ code: 2 });
    expect(
      await ramed(
        'payments',
        'add',
        '--date',
        '2026-11-15',
        '--amount',
        '9000',
        '--reference',
        'X-2',
        '--allocate',
        '2026-10:v1=9000',
        '--json',
        ...db,
      ),
    ).toMatchObject({ code: 2, json: { error: { code: 'INVALID_INPUT' } } });
    const list = await ramed('payments', 'list', '--json', ...db);
    expect(list).toMatchObject({ code: 0, json: [{ reference: 'VIR-77', allocated: 2000 }] });
  });
});
