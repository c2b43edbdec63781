import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Client } from '../../shared/contract/client';
import { clientFor, describeEachDb, slotAs } from '../support/db';
import { movableClock, pharmacySetup, receive, type PharmacySetup } from '../support/pharmacy';
import { importList, TEST_TARIFFS } from '../support/reference';

const MONTH = '2026-11';

/** The pharmacy's dispensings are claim lines of their episode, beside the acts. */
describeEachDb('monthly claims: medicines dispensed by the pharmacy', (kind) => {
  let setup: PharmacySetup;
  let clock: ReturnType<typeof movableClock>;
  let manager: Client;

  beforeEach(async () => {
    clock = movableClock('2026-11-10T09:30:00.000Z');
    setup = await pharmacySetup(kind, clock);
    await importList(setup.core, 'tariffs', TEST_TARIFFS);
    manager = clientFor(setup.core, slotAs(['gestionnaire'], null, 'fatoumata'));
  });
  afterEach(async () => setup.core.dispose());

  const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  it('bills the dispensings in force, priced as dispensed; a cancelled one and its cancellation stay out', async () => {
    const { core, pharmacist, episodeId } = setup;
    const desk = clientFor(core, slotAs(['accueil'], null, 'aminata'));
    ok(await desk.episodes.addLine({ episodeId, code: 'CS-CUR', quantity: 1, performedOn: '2026-11-10', prescriber: 'Dr Sidibé' }));
    await receive(pharmacist, 'PARA500C', 'P-01', '2027-06-30', 100);
    await receive(pharmacist, 'AMOX500G', 'A-01', '2027-06-30', 100);
    await receive(pharmacist, 'SRO', 'S-01', '2027-06-30', 10);
    ok(await pharmacist.pharmacy.dispense({ episodeId, medicineCode: 'PARA500C', quantity: 6, prescriber: 'Dr Sidibé' }));
    const amox = ok(await pharmacist.pharmacy.dispense({ episodeId, medicineCode: 'AMOX500G', quantity: 2, prescriber: 'Dr Sidibé' }));
    ok(await pharmacist.pharmacy.dispense({ episodeId, medicineCode: 'SRO', quantity: 1, prescriber: 'Dr Sidibé' }));
    ok(await pharmacist.pharmacy.cancel({ lineId: amox.lines[0]!.id, reason: 'Erreur de médicament' }));
    ok(await desk.episodes.close({ episodeId, endedOn: '2026-11-10', diagnosis: 'Paludisme simple', outcome: 'gueri' }));

    clock.set('2026-12-02T09:30:00.000Z'); // November has ended: its claim can be built.
    ok(await manager.claims.build({ month: MONTH }));
    const claim = ok(await manager.claims.get({ month: MONTH }));
    const lines = claim.document.episodes[0]!.lines;
    expect(lines.map((l) => [l.source, l.code, l.label, l.quantity, l.unitPrice, l.amount])).toEqual([
      ['prestation', 'CS-CUR', expect.any(String), 1, 500, 500],
      ['dispensation', 'PARA500C', 'Paracétamol 500 mg comprimé', 6, 10, 60],
      ['dispensation', 'SRO', 'Sels de réhydratation orale 20,5 g sachet', 1, 100, 100],
    ]);
    expect(claim.document.totals).toMatchObject({ consultation: 500, medicaments: 160 });
    expect(claim.flags).toEqual([]);

    ok(await manager.claims.sign({ month: MONTH, sha256: claim.sha256 }));
    const fhir = ok(await manager.claims.export({ month: MONTH, format: 'fhir' }));
    const bundle = JSON.parse(Buffer.from(fhir.base64, 'base64').toString('utf8'));
    expect(bundle.entry[0].resource.item[1]).toMatchObject({
      productOrService: {
        coding: [
          { system: 'https://ramed.anam.ml/fhir/CodeSystem/medicaments-dci', code: 'PARA500C', display: 'Paracétamol 500 mg comprimé' },
        ],
      },
      quantity: { value: 6 },
      net: { value: 60, currency: 'XOF' },
    });
    expect(bundle.entry[0].resource.total).toEqual({ value: 660, currency: 'XOF' });

    const pdf = ok(await manager.claims.export({ month: MONTH, format: 'pdf' }));
    const file = join(mkdtempSync(join(tmpdir(), 'bordereau-')), 'bordereau.pdf');
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Médicaments/);
    expect(text).toMatch(/\b160\b/);
    expect(text).toMatch(/\b660\b/);
  });
});
