import { afterEach, beforeEach, expect, it } from 'vitest';
import { clientFor, describeEachDb, slotAs } from '../support/db';
import { pharmacySetup, receive, type PharmacySetup } from '../support/pharmacy';

describeEachDb('episode: medicines dispensed are part of it', (kind) => {
  let s: PharmacySetup;
  beforeEach(async () => {
    s = await pharmacySetup(kind);
  });
  afterEach(async () => s.core.dispose());

  it('shows acts and medicines with one total, cancelled medicines left out of it, in the view and in the list', async () => {
    await receive(s.pharmacist, 'AMOX500G', 'A1', '2027-01-31', 100);
    await receive(s.pharmacist, 'PARA500C', 'P1', '2027-01-31', 100);
    const amox = await s.pharmacist.pharmacy.dispense({
      episodeId: s.episodeId,
      medicineCode: 'AMOX500G',
      quantity: 21,
      prescriber: 'Dr Keïta',
    });
    const para = await s.pharmacist.pharmacy.dispense({
      episodeId: s.episodeId,
      medicineCode: 'PARA500C',
      quantity: 10,
      prescriber: 'Dr Keïta',
    });
    expect(amox.ok && para.ok).toBe(true);
    const paraLine = para.ok ? para.value.lines[0]!.id : 0;
    expect((await s.pharmacist.pharmacy.cancel({ lineId: paraLine, reason: 'Erreur de saisie' })).ok).toBe(true);

    const desk = clientFor(s.core, slotAs(['accueil']));
    const view = await desk.episodes.get({ id: s.episodeId });
    if (!view.ok) throw new Error(view.error.message);
    // 21 × 25 FCFA of amoxicillin in force; the paracetamol line and its cancellation cancel out.
    expect(view.value.totals).toEqual({ ramed: 525, acts: 0, medicines: 525, programme: 0, activeLines: 0, activeMedicines: 1 });
    expect(view.value.medicines.map((m) => [m.dci, m.quantity, m.amount, m.state])).toEqual([
      ['Amoxicilline', 21, 525, 'active'],
      ['Paracétamol', 10, 150, 'annulee'],
      ['Paracétamol', -10, -150, 'annulation'],
    ]);

    const list = await desk.episodes.list({ pageIndex: 0, pageSize: 10 });
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.rows.find((r) => r.id === s.episodeId)).toMatchObject({ ramedTotal: 525, activeLines: 0, activeMedicines: 1 });
  });
});
