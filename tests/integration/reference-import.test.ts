import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { importList, registerCsv, TARIFF_HEADER, TEST_TARIFFS } from '../support/reference';

const RESOURCES = join(import.meta.dirname, '../../resources');
const MEDICINE_HEADER = 'code;dci;forme;dosage;unite;prix;liste_essentielle;debut_effet;fin_effet';

describeEachDb('reference lists import', (kind) => {
  let core: TestCore;
  beforeEach(async () => {
    core = await openTestCore(kind);
  });
  afterEach(async () => core.dispose());

  const count = async (table: 'tariff' | 'medicine' | 'reference_import') =>
    Number(
      (
        await core.deps.handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('imports the illustrative samples, and a re-import changes nothing', async () => {
    const tariffs = readFileSync(join(RESOURCES, 'exemple-illustratif-tarifs.csv'));
    const first = await importList(core, 'tariffs', tariffs);
    expect(first).toMatchObject({ applied: true, rejected: [], warnings: [], unchanged: 0, closed: 0 });
    expect(first.inserted).toBe(await count('tariff'));
    const again = await importList(core, 'tariffs', tariffs);
    expect(again).toMatchObject({ applied: true, inserted: 0, closed: 0, unchanged: first.inserted });
    expect(await count('tariff')).toBe(first.inserted);
    expect(await count('reference_import')).toBe(1);

    const medicines = readFileSync(join(RESOURCES, 'exemple-illustratif-medicaments.csv'));
    const meds = await importList(core, 'medicines', medicines);
    expect(meds).toMatchObject({ applied: true, rejected: [] });
    expect(await importList(core, 'medicines', medicines)).toMatchObject({ inserted: 0, unchanged: meds.inserted });
    const list = await clientFor(core, slotAs(['pharmacie'])).medicines.list({});
    expect(list.ok && list.value.find((m) => m.code === 'AMOX500G')).toMatchObject({
      dci: 'Amoxicilline',
      form: 'gélule',
      strength: '500 mg',
      price: 25,
      essential: true,
    });
  });

  it('rejects a file with bad lines as a whole, with a French reason per line', async () => {
    const report = await importList(
      core,
      'tariffs',
      [
        TARIFF_HEADER,
        'CS-CUR;Consultation curative;consultation;cscom;500;2024-01-01;;;;;',
        'CS CUR;;labo;cscom|clinique;12,5;31/02/2026;;peut-être;0;;',
        'LB-GE;Goutte épaisse;laboratoire;cscom;500;2024-01-01;2023-12-31;;;;',
        'EX-LUN;Lunettes;autre;cscom;15000;2024-01-01;;1;;lunettes;',
        'LB-GE;Goutte épaisse;laboratoire;cscom;500;2025-01-01;;;;;',
        'LB-GE;Goutte épaisse;laboratoire;cscom;600;2025-01-01;;;;;',
        'HO-OBS;Observation;hospitalisation;cscom;1000;2024-01-01;;1;3;;;en trop',
      ].join('\n'),
    );
    expect(report.applied).toBe(false);
    expect(report.rejected.map((r) => r.line)).toEqual([3, 4, 5, 7, 8]);
    const reasons = Object.fromEntries(report.rejected.map((r) => [r.line, r.reason]));
    expect(reasons[3]).toMatch(/code « CS CUR » invalide/);
    expect(reasons[3]).toMatch(/libellé manquant/);
    expect(reasons[3]).toMatch(/catégorie « labo » invalide/);
    expect(reasons[3]).toMatch(/niveaux « cscom\|clinique » invalides/);
    expect(reasons[3]).toMatch(/prix « 12,5 » invalide/);
    expect(reasons[3]).toMatch(/début d’effet « 31\/02\/2026 » invalide/);
    expect(reasons[3]).toMatch(/ramed « peut-être » invalide/);
    expect(reasons[3]).toMatch(/quantité max « 0 » invalide/);
    expect(reasons[4]).toMatch(/fin d’effet précède le début/);
    expect(reasons[5]).toMatch(/acte exclu ne peut pas être couvert/);
    expect(reasons[7]).toMatch(/la ligne 6 donne déjà une version de l’acte LB-GE au niveau CSCOM/);
    expect(reasons[8]).toMatch(/12 valeurs pour 11 colonnes/);
    expect(await count('tariff')).toBe(0);
    expect(await count('reference_import')).toBe(0);
  });

  it.each([
    [
      'a missing column',
      `code;libelle;categorie;niveaux;debut_effet\nA;B;autre;cscom;2024-01-01`,
      1,
      /obligatoire\(s\) absente\(s\).*prix/,
    ],
    [
      'a file not in UTF-8',
      Buffer.from(`${TARIFF_HEADER}\nA;Matern\xe9;maternite;cscom;500;2024-01-01;;;;;\n`, 'latin1'),
      2,
      /pas en UTF-8/,
    ],
    ['an unclosed quote', `${TARIFF_HEADER}\nA;B;autre;cscom;500;2024-01-01;;;;;\nB;"C;autre;cscom;500;2024-01-01;;;;;\n`, 3, /guillemet/],
    ['a header alone', `${TARIFF_HEADER}\n`, 1, /aucune ligne/],
    ['a column twice', `code;libelle;Libellé;categorie;niveaux;prix;debut_effet\n`, 1, /« libelle » figure deux fois/],
  ])('refuses %s, naming the line', async (_name, content, line, reason) => {
    const report = await importList(core, 'tariffs', content);
    expect(report).toMatchObject({ applied: false, inserted: 0 });
    expect(report.rejected[0]).toEqual({ line, reason: expect.stringMatching(reason) });
    expect(await count('tariff')).toBe(0);
  });

  it('reads a BOM, commas, French dates and accented headers; warns on unknown columns', async () => {
    const report = await importList(
      core,
      'tariffs',
      '\uFEFFCode,Libellé,Catégorie,Niveaux,Prix,Début effet,Remarque\nLB-GE,Goutte épaisse,Laboratoire,CSCOM|csref,"1 500",15/11/2026,x\n',
    );
    expect(report).toMatchObject({ applied: true, inserted: 2, warnings: ['Colonne « remarque » inconnue : ignorée.'] });
    const list = await clientFor(core, slotAs(['accueil'])).tariffs.list({ date: '2026-11-15', level: 'cscom' });
    expect(list.ok && list.value).toMatchObject([{ code: 'LB-GE', price: 1500, category: 'laboratoire', ramedCovered: true }]);
  });

  it('versions a tariff change: the new version closes the old period, the old price stays before it', async () => {
    await importList(
      core,
      'tariffs',
      [TARIFF_HEADER, 'CS-CUR;Consultation curative;consultation;cscom|csref;500;2024-01-01;;;;;'].join('\n'),
    );
    const change = await importList(
      core,
      'tariffs',
      [TARIFF_HEADER, 'CS-CUR;Consultation curative;consultation;cscom;600;2026-11-15;;;;;'].join('\n'),
    );
    expect(change).toMatchObject({ applied: true, inserted: 1, closed: 1 });
    const accueil = clientFor(core, slotAs(['accueil']));
    const on = async (date: string) => {
      const r = await accueil.tariffs.list({ date, level: 'cscom' });
      return r.ok ? r.value.map((t) => [t.price, t.effectiveFrom, t.effectiveTo]) : r.error;
    };
    expect(await on('2026-11-14')).toEqual([[500, '2024-01-01', '2026-11-14']]);
    expect(await on('2026-11-15')).toEqual([[600, '2026-11-15', null]]);
    const csref = await accueil.tariffs.list({ date: '2026-11-15', level: 'csref' });
    expect(csref.ok && csref.value[0]).toMatchObject({ price: 500, effectiveTo: null });

    const correction = await importList(
      core,
      'tariffs',
      [TARIFF_HEADER, 'CS-CUR;Consultation curative;consultation;cscom;650;2026-11-15;;;;;'].join('\n'),
    );
    expect(correction.applied).toBe(false);
    expect(correction.rejected[0]!.reason).toMatch(/déjà une version au 15\/11\/2026.*prix : 600 → 650.*nouvelle date d’effet/);
    expect(await on('2026-11-20')).toEqual([[600, '2026-11-15', null]]);
  });

  it('versions medicines and refuses a changed price on the same date', async () => {
    const base = [MEDICINE_HEADER, 'PARA500C;Paracétamol;comprimé;500 mg;comprimé;10;1;2024-01-01;'];
    expect(await importList(core, 'medicines', base.join('\n'))).toMatchObject({ applied: true, inserted: 1 });
    const raise = await importList(
      core,
      'medicines',
      [MEDICINE_HEADER, 'PARA500C;Paracétamol;comprimé;500 mg;comprimé;15;oui;2026-11-15;'].join('\n'),
    );
    expect(raise).toMatchObject({ applied: true, inserted: 1, closed: 1 });
    const bad = await importList(
      core,
      'medicines',
      [MEDICINE_HEADER, 'PARA500C;Paracétamol;comprimé;500 mg;comprimé;12;1;2024-01-01;'].join('\n'),
    );
    expect(bad.rejected[0]!.reason).toMatch(/le médicament PARA500C a déjà une version au 01\/01\/2024.*prix : 10 → 12/);
    const pharmacie = clientFor(core, slotAs(['pharmacie']));
    const before = await pharmacie.medicines.list({ date: '2026-11-14' });
    const after = await pharmacie.medicines.list({ date: '2026-11-15' });
    expect(before.ok && before.value.map((m) => m.price)).toEqual([10]);
    expect(after.ok && after.value.map((m) => m.price)).toEqual([15]);
  });

  it('lets only the administrator import, and audits the import', async () => {
    const file = registerCsv(core, TEST_TARIFFS);
    for (const role of ['accueil', 'pharmacie', 'gestionnaire'] as const) {
      const denied = await clientFor(core, slotAs([role])).tariffs.import({ file });
      expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await count('tariff')).toBe(0);
    const done = await clientFor(core, slotAs(['admin'])).tariffs.import({ file });
    expect(done).toMatchObject({ ok: true, value: { applied: true } });
    const audit = await core.deps.handle.db
      .selectFrom('audit_log')
      .select(['entity', 'summary'])
      .where('method', '=', 'tariffs.import')
      .where('outcome', '=', 'ok')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.summary).detail).toMatchObject({ applied: true, inserted: expect.any(Number) });
  });
});
