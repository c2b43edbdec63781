import { afterEach, beforeEach, expect, it } from 'vitest';
import { actingAs } from '../../electron/core/service-context';
import { openCore } from '../../electron/core/app';
import { fixedClock } from '../../electron/core/clock';
import { closeEpisode } from '../../electron/core/episodes/lifecycle';
import { silentLogger } from '../../electron/core/logger';
import { ledgerMismatches } from '../../electron/core/pharmacy/ledger';
import { dispensedLines } from '../../electron/core/pharmacy/lines';
import { clientFor, describeEachDb, slotAs } from '../support/db';
import { openEpisode } from '../support/episodes';
import { pharmacySetup, receive, usable, type PharmacySetup } from '../support/pharmacy';

describeEachDb('pharmacy: dispensing', (kind) => {
  let s: PharmacySetup;
  beforeEach(async () => {
    s = await pharmacySetup(kind);
  });
  afterEach(async () => s.core.dispose());

  const give = (medicineCode: string, quantity: number, more: Record<string, unknown> = {}) =>
    s.pharmacist.pharmacy.dispense({ episodeId: s.episodeId, medicineCode, quantity, prescriber: 'Dr Keïta', ...more });

  it('takes the batch that expires first, priced from the list in force that day', async () => {
    await receive(s.pharmacist, 'PARA500C', 'LATE', '2027-06-30', 100);
    const early = await receive(s.pharmacist, 'PARA500C', 'EARLY', '2027-01-31', 100);
    const r = await give('PARA500C', 12);
    expect(r.ok && r.value.lines).toMatchObject([
      { batchId: early, lot: 'EARLY', quantity: 12, unitPrice: 15, amount: 180, dci: 'Paracétamol' },
    ]);
    expect(await usable(s.pharmacist, 'PARA500C')).toBe(188);
  });

  it('spans several batches in FEFO order when one is not enough', async () => {
    const a = await receive(s.pharmacist, 'AMOX500G', 'A', '2027-01-31', 5);
    const b = await receive(s.pharmacist, 'AMOX500G', 'B', '2027-02-28', 5);
    const c = await receive(s.pharmacist, 'AMOX500G', 'C', '2027-03-31', 5);
    const r = await give('AMOX500G', 12);
    expect(r.ok && r.value.lines.map((l) => [l.batchId, l.quantity, l.amount])).toEqual([
      [a, 5, 125],
      [b, 5, 125],
      [c, 2, 50],
    ]);
  });

  it('never dispenses a batch on or after its expiry day, and takes the one that expires tomorrow', async () => {
    const today = await receive(s.pharmacist, 'SRO', 'TODAY', '2026-11-17', 10);
    const ok = await give('SRO', 10);
    expect(ok.ok && ok.value.lines[0]!.batchId).toBe(today);
    const b = await receive(s.pharmacist, 'SRO', 'EXP', '2026-11-17', 10);
    // The next day is the expiry day: the batch is expired, FEFO and override both refuse it.
    const next = await deskAt(s, '2026-11-17T08:00:00.000Z');
    const refused = await next.pharmacist.pharmacy.dispense({
      episodeId: s.episodeId,
      medicineCode: 'SRO',
      quantity: 1,
      prescriber: 'Dr Keïta',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'REFUSED', message: expect.stringMatching(/aucune unité utilisable/) } });
    const forced = await next.pharmacist.pharmacy.dispense({
      episodeId: s.episodeId,
      medicineCode: 'SRO',
      quantity: 1,
      prescriber: 'Dr Keïta',
      batchId: b,
      overrideReason: 'Essai',
    });
    expect(forced).toMatchObject({ ok: false, error: { fields: { batchId: expect.stringMatching(/périmé/) } } });
    await next.close();
  });

  it('refuses more than the usable stock with a clear message and changes nothing', async () => {
    await receive(s.pharmacist, 'PARA500C', 'L1', '2027-01-31', 8);
    const before = await deskAt(s, '2026-11-01T08:00:00.000Z');
    await receive(before.pharmacist, 'PARA500C', 'OLD', '2026-11-10', 50);
    await before.close();
    const r = await give('PARA500C', 10);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', fields: { quantity: expect.stringContaining('8 unités utilisables en stock pour 10 unités demandées') } },
    });
    expect(await usable(s.pharmacist, 'PARA500C')).toBe(8);
    expect(await dispensedLines(s.core.deps.handle.db, [s.episodeId])).toEqual([]);
  });

  it('serves what is left and records the shortfall in one action, or the whole request when nothing is left', async () => {
    await receive(s.pharmacist, 'AMOX500G', 'L1', '2027-01-31', 6);
    const partial = await give('AMOX500G', 10, { serveAvailable: true });
    expect(partial.ok && partial.value.lines.map((l) => l.quantity)).toEqual([6]);
    expect(partial.ok && partial.value.unmet).toMatchObject({ requested: 10, unmet: 4, dci: 'Amoxicilline' });
    const none = await give('AMOX500G', 3, { serveAvailable: true });
    expect(none.ok && none.value).toMatchObject({ lines: [], unmet: { requested: 3, unmet: 3 } });
    const view = await s.pharmacist.pharmacy.episode({ episodeId: s.episodeId });
    expect(view.ok && view.value.unmet.map((u) => u.unmet)).toEqual([4, 3]);
  });

  it('lets the pharmacist override FEFO only with a reason, and audits it', async () => {
    await receive(s.pharmacist, 'PARA500C', 'EARLY', '2027-01-31', 10);
    const late = await receive(s.pharmacist, 'PARA500C', 'LATE', '2027-06-30', 10);
    const noReason = await give('PARA500C', 2, { batchId: late });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { overrideReason: expect.any(String) } } });
    const r = await give('PARA500C', 2, { batchId: late, overrideReason: 'Boîte entamée au comptoir' });
    expect(r.ok && r.value.lines[0]).toMatchObject({ batchId: late, overrideReason: 'Boîte entamée au comptoir' });
    const audit = await s.core.deps.handle.db
      .selectFrom('audit_log')
      .select(['summary', 'outcome'])
      .where('method', '=', 'pharmacy.dispense')
      .execute();
    expect(
      audit.some((a) => a.outcome === 'ok' && a.summary.includes('Boîte entamée au comptoir') && a.summary.includes('fefoOverride')),
    ).toBe(true);
  });

  it('cancels a line by a mirror line, returns the units to their batch, and the claim no longer sees it', async () => {
    const batch = await receive(s.pharmacist, 'PARA500C', 'L1', '2027-01-31', 20);
    const given = await give('PARA500C', 5);
    const kept = await give('PARA500C', 3);
    const lineId = given.ok ? given.value.lines[0]!.id : 0;
    const cancel = await s.pharmacist.pharmacy.cancel({ lineId, reason: 'Erreur de saisie' });
    expect(cancel.ok && cancel.value).toMatchObject({
      quantity: -5,
      amount: -75,
      state: 'annulation',
      cancelsId: lineId,
      cancelReason: 'Erreur de saisie',
    });
    expect(await s.pharmacist.pharmacy.cancel({ lineId, reason: 'Encore' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await usable(s.pharmacist, 'PARA500C')).toBe(17);
    const claim = await dispensedLines(s.core.deps.handle.db, [s.episodeId]);
    expect(claim).toEqual([
      expect.objectContaining({
        id: kept.ok ? kept.value.lines[0]!.id : 0,
        episode_id: s.episodeId,
        medicine_code: 'PARA500C',
        quantity: 3,
        unit_price: 15,
        amount: 45,
        batch_id: batch,
        cancels_id: null,
        cancel_reason: null,
        prescriber: 'Dr Keïta',
        dispensed_by: 'pharma1',
      }),
    ]);
    const ledger = await s.pharmacist.pharmacy.movements({ batchId: batch });
    expect(ledger.ok && ledger.value.map((m) => [m.kind, m.quantity, m.balance])).toEqual([
      ['retour', 5, 17],
      ['dispensation', -3, 12],
      ['dispensation', -5, 15],
      ['reception', 20, 20],
    ]);
  });

  it('dispenses on an episode closed today but not on one closed earlier', async () => {
    await receive(s.pharmacist, 'PARA500C', 'L1', '2027-01-31', 20);
    const w = (at: string) => actingAs(s.core.deps, 'accueil', at);
    await closeEpisode(w('2026-11-16T08:00:00.000Z'), {
      episodeId: s.episodeId,
      endedOn: '2026-11-16',
      diagnosis: 'Paludisme simple',
      outcome: 'gueri',
    });
    expect((await give('PARA500C', 1)).ok).toBe(true);
    const older = await openEpisode(s.core, s.personId, '2026-11-12T08:00:00.000Z');
    await closeEpisode(w('2026-11-13T08:00:00.000Z'), {
      episodeId: older.id,
      endedOn: '2026-11-13',
      diagnosis: 'Paludisme simple',
      outcome: 'gueri',
    });
    const r = await s.pharmacist.pharmacy.dispense({ episodeId: older.id, medicineCode: 'PARA500C', quantity: 1, prescriber: 'Dr Keïta' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/clos depuis le 13\/11\/2026/) } });
  });

  it('finds episodes by récépissé or episode number', async () => {
    const view = await s.pharmacist.pharmacy.episode({ episodeId: s.episodeId });
    const number = view.ok ? view.value.episode.number : '';
    const byNumber = await s.pharmacist.pharmacy.findEpisodes({ reference: number.toLowerCase() });
    expect(byNumber.ok && byNumber.value.map((e) => e.id)).toEqual([s.episodeId]);
    const recepisse = view.ok ? view.value.episode.recepisse : '';
    const byRecepisse = await s.pharmacist.pharmacy.findEpisodes({ reference: recepisse });
    expect(byRecepisse.ok && byRecepisse.value[0]).toMatchObject({
      id: s.episodeId,
      dispensable: true,
      patient: expect.stringMatching(/^TRAORÉ/),
    });
  });

  it('keeps receptions, counts and adjustments in the ledger, and refuses what would go below zero', async () => {
    const batch = await receive(s.pharmacist, 'SRO', 'L1', '2027-01-31', 40);
    const counted = await s.pharmacist.pharmacy.count({ batchId: batch, counted: 37 });
    expect(counted.ok && counted.value.quantity).toBe(37);
    const lost = await s.pharmacist.pharmacy.adjust({ batchId: batch, quantity: -2, reason: 'Sachets déchirés' });
    expect(lost.ok && lost.value.quantity).toBe(35);
    expect(await s.pharmacist.pharmacy.adjust({ batchId: batch, quantity: -36, reason: 'Perte' })).toMatchObject({
      ok: false,
      error: { fields: { quantity: expect.any(String) } },
    });
    expect(await s.pharmacist.pharmacy.adjust({ batchId: batch, quantity: 0, reason: 'Rien' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(
      await s.pharmacist.pharmacy.receive({
        medicineCode: 'SRO',
        lot: 'X',
        expiry: '2026-11-16',
        quantity: 1,
        unitCost: 1,
        supplier: 'PPM',
        receivedOn: '2026-11-16',
      }),
    ).toMatchObject({
      ok: false,
      error: { fields: { expiry: expect.stringMatching(/périmé/) } },
    });
    expect(await ledgerMismatches(s.core.deps.handle.db)).toEqual([]);
  });

  it('lets only the pharmacist dispense', async () => {
    await receive(s.pharmacist, 'SRO', 'L1', '2027-01-31', 4);
    const desk = clientFor(s.core, slotAs(['accueil']));
    expect(
      await desk.pharmacy.dispense({ episodeId: s.episodeId, medicineCode: 'SRO', quantity: 1, prescriber: 'Dr Keïta' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

/** Another workstation on the same database whose clock reads `at` (an earlier or later day). */
async function deskAt(s: PharmacySetup, at: string) {
  const core = await openCore({ db: s.core.target, clock: fixedClock(at), log: silentLogger });
  return { pharmacist: clientFor(core, slotAs(['pharmacie'])), close: () => core.close() };
}
