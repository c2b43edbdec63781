import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { actingAs } from '../../electron/core/service-context';
import { setSetting } from '../../electron/core/settings/settings';
import type { Client } from '../../shared/contract/client';
import type { StatisticsReport } from '../../shared/domain/statistics';
import { answerClaim } from '../support/claim-answers';
import { ramed } from '../support/cli';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { insertPersons } from '../support/persons';
import { movableClock, TEST_MEDICINES } from '../support/pharmacy';
import { importList, setFacility, TEST_TARIFFS } from '../support/reference';

/**
 * A generated October 2026 at a CSCOM, made through the services a facility uses (desk checks and
 * admissions, acts, dispensings, stock, the claim and the ANAM's answer), around one episode in
 * September and one in November. The expected figures below are counted by hand from this script.
 */
const A = '1111000000001'; // seen in September: returning in October
const B = '1111000000002';
const C = '1111000000003';
const D = '1111000000004';
const SUSPENDED = '1111000000006';
const STRUCK_OFF = '1111000000007';
const UNKNOWN = '1111000099999';

const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describeEachDb('statistics of a generated month', (kind) => {
  const clock = movableClock('2026-09-01T08:00:00.000Z');
  let core: TestCore;
  let desk: Client;
  let pharmacist: Client;
  let manager: Client;
  let signedTotal = 0;
  /** Billed amounts of the items the ANAM answered, as the test told it to answer. */
  let answeredBilled = 0;
  let month: StatisticsReport;
  let year: StatisticsReport;

  const at = (iso: string) => clock.set(iso);
  async function admitted(recepisse: string, when: string, over: Record<string, unknown>): Promise<number> {
    at(when);
    const result = ok(
      await desk.reception.admit({
        recepisse,
        type: 'consultation_externe',
        identityDocument: 'cni_nina',
        identityNumber: '12345678901234A',
        identityMatches: true,
        ...over,
      }),
    );
    if (result.outcome !== 'admitted') throw new Error(`admission refusée : ${JSON.stringify(result)}`);
    return result.episodeId;
  }
  async function act(episodeId: number, code: string, day: string, quantity = 1): Promise<number> {
    at(`${day}T11:00:00.000Z`);
    const episode = ok(await desk.episodes.addLine({ episodeId, code, quantity, performedOn: day, prescriber: 'Dr Sidibé' }));
    return episode.lines.at(-1)!.id;
  }
  async function close(episodeId: number, day: string) {
    at(`${day}T16:00:00.000Z`);
    ok(await desk.episodes.close({ episodeId, endedOn: day, diagnosis: 'Paludisme simple', outcome: 'gueri' }));
  }
  async function give(episodeId: number, medicineCode: string, quantity: number, when: string, serveAvailable = false) {
    at(when);
    return ok(await pharmacist.pharmacy.dispense({ episodeId, medicineCode, quantity, prescriber: 'Dr Sidibé', serveAvailable }));
  }
  async function receive(medicineCode: string, quantity: number, day: string) {
    at(`${day}T07:30:00.000Z`);
    ok(
      await pharmacist.pharmacy.receive({
        medicineCode,
        lot: `${medicineCode}-${day}`,
        expiry: '2027-12-31',
        quantity,
        unitCost: 5,
        supplier: 'PPM Bamako',
        receivedOn: day,
      }),
    );
  }

  beforeAll(async () => {
    core = await openTestCore(kind, { clock });
    await setFacility(core, 'cscom');
    await importList(core, 'tariffs', TEST_TARIFFS);
    await importList(core, 'medicines', TEST_MEDICINES);
    const db = core.deps.handle.db;
    await insertPersons(db, [
      { recepisse: A, family_name: 'Traoré', given_names: 'Awa' },
      { recepisse: B, family_name: 'Coulibaly', given_names: 'Moussa', sex: 'M' },
      { recepisse: C, family_name: 'Diarra', given_names: 'Fanta' },
      { recepisse: D, family_name: 'Keïta', given_names: 'Seydou', sex: 'M' },
      { recepisse: SUSPENDED, family_name: 'Konaté', given_names: 'Oumou' },
      { recepisse: STRUCK_OFF, family_name: 'Sangaré', given_names: 'Drissa', sex: 'M' },
    ]);
    await db.updateTable('person').set({ status: 'suspendu' }).where('recepisse', '=', SUSPENDED).execute();
    await db.updateTable('person').set({ status: 'radie' }).where('recepisse', '=', STRUCK_OFF).execute();
    desk = clientFor(core, slotAs(['accueil'], null, 'aminata'));
    pharmacist = clientFor(core, slotAs(['pharmacie'], null, 'pharma1'));
    manager = clientFor(core, slotAs(['gestionnaire'], null, 'fatoumata'));

    // Paracetamol is held from 1 September; amoxicillin only from 10 October; ORS never.
    await receive('PARA500C', 100, '2026-09-01');

    // September: A's first visit.
    const september = await admitted(A, '2026-09-10T08:00:00.000Z', {});
    await act(september, 'CS-CUR', '2026-09-10');
    await close(september, '2026-09-10');

    // October.
    at('2026-10-02T07:55:00.000Z');
    ok(await desk.reception.check({ recepisse: A }));
    const ep1 = await admitted(A, '2026-10-02T08:00:00.000Z', {});
    await act(ep1, 'CS-CUR', '2026-10-02');
    await act(ep1, 'LB-GE', '2026-10-02', 2);
    await give(ep1, 'PARA500C', 10, '2026-10-02T09:00:00.000Z');
    await close(ep1, '2026-10-02');

    const ep2 = await admitted(B, '2026-10-05T09:00:00.000Z', {
      type: 'urgence',
      identityDocument: 'carte_biometrique',
    });
    await act(ep2, 'CS-CUR', '2026-10-05');
    await act(ep2, 'HO-OBS', '2026-10-05', 2);
    await give(ep2, 'PARA500C', 12, '2026-10-05T10:00:00.000Z');
    await give(ep2, 'SRO', 4, '2026-10-05T10:05:00.000Z', true);
    await close(ep2, '2026-10-06');

    // Scanned twice the same morning: one refusal. Then the struck-off person, and a number nobody holds.
    at('2026-10-07T08:10:00.000Z');
    ok(await desk.reception.check({ recepisse: SUSPENDED }));
    at('2026-10-07T08:11:00.000Z');
    ok(await desk.reception.check({ recepisse: SUSPENDED }));
    ok(await desk.reception.check({ recepisse: STRUCK_OFF }));
    at('2026-10-09T10:00:00.000Z');
    ok(await desk.reception.check({ recepisse: UNKNOWN }));

    await receive('AMOX500G', 15, '2026-10-10');

    const ep4 = await admitted(C, '2026-10-12T08:30:00.000Z', {
      type: 'maternite',
      identityDocument: 'acte_naissance',
      identityNumber: undefined,
      identityMatches: false,
      identityMismatchReason: 'Acte de naissance d’une autre personne',
      confirmMismatch: true,
    });
    await act(ep4, 'HO-OBS', '2026-10-12');
    await give(ep4, 'AMOX500G', 5, '2026-10-12T09:00:00.000Z');
    await close(ep4, '2026-10-12');

    const ep3 = await admitted(B, '2026-10-20T10:00:00.000Z', { identityDocument: 'recepisse_seul', identityNumber: undefined });
    await act(ep3, 'CS-CUR', '2026-10-20');
    const wrong = await act(ep3, 'LB-GE', '2026-10-20');
    at('2026-10-20T11:30:00.000Z');
    ok(await desk.episodes.cancelLine({ episodeId: ep3, lineId: wrong, reason: 'Examen prescrit par erreur' }));
    // 15 asked, 10 left: served, 5 recorded unmet, and the shelf is empty from that day on.
    await give(ep3, 'AMOX500G', 15, '2026-10-20T12:00:00.000Z', true);
    const given = await give(ep3, 'PARA500C', 6, '2026-10-20T12:05:00.000Z');
    at('2026-10-20T12:10:00.000Z');
    ok(await pharmacist.pharmacy.cancel({ lineId: given.lines[0]!.id, reason: 'Rendu non ouvert' }));
    await close(ep3, '2026-10-20');

    // The suspended person comes back, is checked and refused at admission (same day: one refusal).
    at('2026-10-25T09:00:00.000Z');
    ok(await desk.reception.check({ recepisse: SUSPENDED }));
    at('2026-10-25T09:01:00.000Z');
    const refused = ok(
      await desk.reception.admit({
        recepisse: SUSPENDED,
        type: 'consultation_externe',
        identityDocument: 'cni_nina',
        identityMatches: true,
      }),
    );
    expect(refused.outcome).toBe('refused');

    // Still open at the end of the month: counted as seen, not in the claim.
    const ep5 = await admitted(D, '2026-10-31T16:00:00.000Z', {
      type: 'autre',
      identityDocument: 'aucun',
      identityNumber: undefined,
      identityMatches: null,
    });
    await act(ep5, 'CS-CUR', '2026-10-31');

    // November: A again, outside October.
    const november = await admitted(A, '2026-11-03T08:00:00.000Z', {});
    await act(november, 'CS-CUR', '2026-11-03');

    // The October claim, signed, and the ANAM's answer for three of its four episodes.
    at('2026-11-05T10:00:00.000Z');
    // This facility lets the mismatched birth certificate (the fourth episode) through with a warning.
    await setSetting(actingAs(core.deps, 'admin'), { key: 'claims.check.IDENTITY_MISMATCH', value: 'avertissement' });
    ok(await manager.claims.build({ month: '2026-10' }));
    const view = ok(await manager.claims.get({ month: '2026-10' }));
    const signed = ok(await manager.claims.sign({ month: '2026-10', sha256: view.sha256 }));
    signedTotal = signed.total;
    const numbers = new Map(view.document.episodes.map((e) => [e.episodeId, e.number]));
    const [n1, n2, n3] = [numbers.get(ep1), numbers.get(ep2), numbers.get(ep3)];
    // The fourth episode's Claim is still waiting: its answer is not in.
    await answerClaim(
      db,
      signed.id,
      (episode, item) => {
        answeredBilled += item.net;
        // B's two days of observation refused; half of A's two malaria smears.
        if (episode === n2 && item.net === 2000)
          return { accepted: 0, reason: { code: 'QUANTITY_OVER_LIMIT', text: 'Durée d’observation non justifiée' } };
        if (episode === n1 && item.net === 1000) return { accepted: 500, reason: { code: 'DUPLICATE_ACT' } };
        return { accepted: item.net };
      },
      (episode) => [n1, n2, n3].includes(episode),
    );

    at('2026-11-16T09:30:00.000Z');
    month = ok(await manager.statistics.month({ month: '2026-10' }));
    year = ok(await manager.statistics.year({ year: 2026 }));
  }, 120_000);
  afterAll(async () => core?.dispose());

  it('counts patients new to the facility and returning ones, and episodes by type', () => {
    expect(month).toMatchObject({ key: '2026-10', label: 'octobre 2026', first: '2026-10-01', last: '2026-10-31', running: false });
    // A (seen in September), B (twice), C, D.
    expect(month.patients).toEqual({ seen: 4, new: 3, returning: 1 });
    expect(month.episodes).toBe(5);
    expect(month.emergencies).toBe(1);
    expect(month.episodeTypes.map((t) => [t.type, t.episodes, t.emergencies, t.share])).toEqual([
      ['consultation_externe', 2, 0, 40],
      ['urgence', 1, 1, 20],
      ['hospitalisation', 0, 0, 0],
      ['maternite', 1, 0, 20],
      ['autre', 1, 0, 20],
    ]);
  });

  it('sums the care in force by category and the medicines dispensed by DCI, cancelled lines left out', () => {
    // CS-CUR 500 × 4 (ep1, ep2, ep3, ep5); LB-GE 2 × 500 (ep1; ep3's was cancelled); HO-OBS 2 × 1000 + 1 × 1000.
    expect(month.prestations.map((p) => [p.category, p.lines, p.quantity, p.amount])).toEqual([
      ['consultation', 4, 4, 2000],
      ['laboratoire', 1, 2, 1000],
      ['hospitalisation', 2, 3, 3000],
    ]);
    expect(month.prestationsAmount).toBe(6000);
    expect(month.programmeAmount).toBe(0);
    // Amoxicillin 5 + 10 at 25 FCFA; paracetamol 10 + 12 at 10 FCFA (the 6 given back are out).
    expect(month.medicines.map((m) => [m.medicineCode, m.lines, m.quantity, m.amount])).toEqual([
      ['AMOX500G', 2, 15, 375],
      ['PARA500C', 2, 22, 220],
    ]);
    expect(month.medicinesAmount).toBe(595);
  });

  it('reads the claim as signed and what the ANAM accepted and rejected, with the reasons', () => {
    expect(signedTotal).toBeGreaterThan(0);
    expect(month.claims.months).toMatchObject([{ month: '2026-10', version: 1, status: 'signee', claimed: signedTotal }]);
    expect(month.claims.claimed).toBe(signedTotal);
    const rejected = 2000 + 500;
    expect(month.claims.answered).toEqual({
      amount: answeredBilled,
      accepted: answeredBilled - rejected,
      rejected,
      rejectionRate: rejected / answeredBilled,
    });
    expect(month.claims.months[0]).toMatchObject({ accepted: answeredBilled - rejected, rejected, paid: null });
    expect(month.claims.reasons).toEqual([
      { code: 'QUANTITY_OVER_LIMIT', label: 'Durée d’observation non justifiée', lines: 1, amount: 2000 },
      { code: 'DUPLICATE_ACT', label: 'Même acte deux fois le même jour', lines: 1, amount: 500 },
    ]);
    expect(month.claims.paid).toBeNull();
    expect(month.claims.averageDelayDays).toBeNull();
  });

  it('counts days out of stock and unmet demand by DCI', () => {
    // Amoxicillin: none before 10 October (9 days), none left from the 20th to the 31st (12 days). ORS never held.
    expect(month.stock.map((s) => [s.medicineCode, s.daysOutOfStock, s.daysInPeriod, s.requests, s.unmetUnits])).toEqual([
      ['SRO', 31, 31, 1, 4],
      ['AMOX500G', 21, 31, 1, 5],
    ]);
  });

  it('counts desk refusals once per person and day, by reason, and identity checks by document', () => {
    // Person-days: A 2/10, B 5/10, B 20/10, C 12/10, D 31/10 admitted; suspended 7/10 and 25/10, struck off 7/10, unknown 9/10.
    expect(month.eligibility).toMatchObject({ checked: 9, refused: 4, admitted: 5 });
    expect(month.eligibility.refusalRate).toBeCloseTo(4 / 9);
    expect(month.eligibility.reasons.map((r) => [r.code, r.refusals, r.share])).toEqual([
      ['SUSPENDED', 2, 50],
      ['NOT_FOUND', 1, 25],
      ['STRUCK_OFF', 1, 25],
    ]);
    // Five admissions and the suspended person's refused one.
    expect(month.identity.map((i) => [i.document, i.checks, i.matched, i.mismatched, i.notCompared])).toEqual([
      ['recepisse_seul', 1, 1, 0, 0],
      ['cni_nina', 2, 2, 0, 0],
      ['carte_biometrique', 1, 1, 0, 0],
      ['acte_naissance', 1, 0, 1, 0],
      ['autre', 0, 0, 0, 0],
      ['aucun', 1, 0, 0, 1],
    ]);
  });

  it('counts, per desk agent, the admissions on « Récépissé seul » and on a document that did not match', () => {
    // aminata opened A 2/10, B 5/10, C 12/10 (does not match), B 20/10 (récépissé seul), D 31/10; November is another month.
    expect(month.agents).toEqual([{ login: 'aminata', name: 'aminata', admissions: 5, receiptOnly: 1, mismatches: 1 }]);
    expect(year.agents).toEqual([{ login: 'aminata', name: 'aminata', admissions: 7, receiptOnly: 1, mismatches: 1 }]);
  });

  it('gives the year month by month, a patient new only in the month of their first visit', () => {
    expect(year).toMatchObject({ key: '2026', label: 'année 2026', through: '2026-11-16', running: true });
    expect(year.patients).toEqual({ seen: 4, new: 4, returning: 0 });
    expect(year.episodes).toBe(7);
    const active = year.months
      .filter((m) => m.episodes > 0)
      .map((m) => [m.month, m.seen, m.new, m.episodes, m.prestations, m.medicines, m.claimed]);
    expect(active).toEqual([
      ['2026-09', 1, 1, 1, 500, 0, null],
      ['2026-10', 4, 3, 5, 6000, 595, signedTotal],
      ['2026-11', 1, 0, 1, 500, 0, null],
    ]);
    expect(year.months).toHaveLength(12);
    // Stock-outs count from the first stock entry (paracetamol, 1 September) to 16 November: 77 days.
    expect(year.stockFrom).toBe('2026-09-01');
    expect(year.stock.map((s) => [s.medicineCode, s.daysOutOfStock, s.daysInPeriod])).toEqual([
      ['SRO', 77, 77],
      // None until 10 October (39 days), none left from 20 October on (12 + 16 days).
      ['AMOX500G', 39 + 12 + 16, 77],
    ]);
    expect(month.stockFrom).toBe('2026-10-01');
  });

  it('refuses a period that has not begun, next to the field', async () => {
    expect(await manager.statistics.month({ month: '2026-12' })).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', fields: { month: expect.stringContaining('n’a pas commencé') } },
    });
    expect(await manager.statistics.year({ year: 2027 })).toMatchObject({ ok: false, error: { fields: { year: expect.any(String) } } });
    expect(await manager.statistics.year({ year: 1999 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('prints the month on one A4 page for the district', async () => {
    const file = ok(await manager.statistics.monthlyReport({ month: '2026-10' }));
    expect(file).toMatchObject({ fileName: 'rapport-ramed-T01-2026-10.pdf', mimeType: 'application/pdf' });
    const path = join(mkdtempSync(join(tmpdir(), 'ramed-stats-')), file.fileName);
    writeFileSync(path, Buffer.from(file.base64, 'base64'));
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n[\s\S]*Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Rapport mensuel RAMED – octobre 2026');
    expect(text).toContain('Structure de test (T01) – CSCOM');
    expect(text).toContain('Période du 01/10/2026 au 31/10/2026');
    expect(text).toMatch(/Amoxicilline gélule 500 mg\s+21\s+1/);
    expect(text).toMatch(/Droits suspendus\s+2\s+50/);
    expect(text).toMatch(/Acte de naissance\s+1\s+0\s+1/);
    expect(text).toContain('Page 1/1');
  });

  it('writes every table as CSV and the PDF from the command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ramed-stats-cli-'));
    const pdf = join(dir, 'octobre.pdf');
    const run = await ramed('stats', '--month', '2026-10', '--csv', dir, '--pdf', pdf, '--json', '--db', core.target);
    expect(run.code).toBe(0);
    const { report, files } = run.json as { report: StatisticsReport; files: string[] };
    expect(report.patients).toEqual(month.patients);
    expect(files).toHaveLength(11);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(join(dir, 'statistiques-2026-10-medicaments.csv'), 'utf8')).toBe(
      '\uFEFFDCI;Forme et dosage;Lignes;Quantité;RAMED (FCFA);Montant (FCFA)\nAmoxicilline;gélule 500 mg;2;15;375;375\nParacétamol;comprimé 500 mg;2;22;220;220\n',
    );
    expect(await ramed('stats', '--db', core.target)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--month AAAA-MM ou --year AAAA'),
    });
    expect(await ramed('stats', '--year', '2026', '--pdf', pdf, '--db', core.target)).toMatchObject({ code: 2 });
    const text = await ramed('stats', '--year', '2026', '--db', core.target);
    expect(text.stdout).toContain('Patients RAMED vus : 4 (4 nouveaux, 0 déjà venu)');
  });

  it('counts what the ANAM paid for the month and the days from sign-off to payment, a cancelled payment left out', async () => {
    at('2026-11-20T09:00:00.000Z');
    const toOctober = (amount: number) => [{ month: '2026-10', version: 1, amount }];
    ok(await manager.payments.add({ paidOn: '2026-11-15', amount: 3000, reference: 'VIR-2026-1115', allocations: toOctober(3000) }));
    const mistaken = ok(
      await manager.payments.add({ paidOn: '2026-11-19', amount: 500, reference: 'VIR-DOUBLON', allocations: toOctober(500) }),
    );
    ok(await manager.payments.cancel({ paymentId: mistaken.id, reason: 'Saisi deux fois' }));
    const after = ok(await manager.statistics.month({ month: '2026-10' }));
    expect(after.claims.paid).toBe(3000);
    // Signed on 5 November, paid on the 15th.
    expect(after.claims.averageDelayDays).toBe(10);
    expect(after.claims.months[0]).toMatchObject({ paid: 3000 });
    expect(ok(await manager.statistics.month({ month: '2026-11' })).claims.paid).toBeNull();
  });
});
