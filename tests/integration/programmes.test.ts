import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DEFAULT_PROGRAMMES, sampleFile } from '../../electron/core/reference/sample-files';
import type { Client } from '../../shared/contract/client';
import { NOVEMBER_ENDED } from '../support/claims';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { openEpisode } from '../support/episodes';
import { insertPersons, somePerson } from '../support/persons';
import { movableClock, receive } from '../support/pharmacy';
import { importList, registerCsv, setFacility, TARIFF_HEADER, TEST_TARIFFS } from '../support/reference';

const MONTH = '2026-11';
const CARE_DAY = '2026-11-10';
const MALARIA_TARIFFS = [TARIFF_HEADER, 'LB-TDR;Test de diagnostic rapide du paludisme;laboratoire;cscom|csref;1000;2024-01-01;;1;;;'].join(
  '\n',
);
const MEDICINES = [
  'code;dci;forme;dosage;unite;prix;liste_essentielle;debut_effet',
  'AL2012C;Artéméther + Luméfantrine;comprimé;20/120 mg;comprimé;50;1;2024-01-01',
  'AMOX500G;Amoxicilline;gélule;500 mg;gélule;25;1;2024-01-01',
].join('\n');

describeEachDb('free-care programmes as data', (kind) => {
  let core: TestCore;
  let clock: ReturnType<typeof movableClock>;
  let admin: Client;
  let desk: Client;
  let manager: Client;
  let pharmacist: Client;

  const ok = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  const importProgrammes = async (content: string) => admin.programmes.import({ file: registerCsv(core, content, 'programmes.csv') });
  const defaultList = () => readFileSync(sampleFile(DEFAULT_PROGRAMMES).path, 'utf8');

  beforeEach(async () => {
    clock = movableClock(`${CARE_DAY}T09:00:00.000Z`);
    core = await openTestCore(kind, { clock });
    await setFacility(core, 'csref');
    await importList(core, 'tariffs', TEST_TARIFFS);
    await importList(core, 'tariffs', MALARIA_TARIFFS);
    await importList(core, 'medicines', MEDICINES);
    admin = clientFor(core, slotAs(['admin']));
    desk = clientFor(core, slotAs(['accueil'], null, 'aminata'));
    manager = clientFor(core, slotAs(['gestionnaire'], null, 'fatoumata'));
    pharmacist = clientFor(core, slotAs(['pharmacie'], null, 'pharma1'));
  });
  afterEach(async () => core.dispose());

  it('imports the reviewed default list, versioned: a re-import changes nothing, a bad line refuses the whole file', async () => {
    expect(ok(await importProgrammes(defaultList()))).toMatchObject({ applied: true, inserted: 6, rejected: [] });
    expect(ok(await importProgrammes(defaultList()))).toMatchObject({ applied: true, inserted: 0, unchanged: 6 });
    const list = ok(await manager.programmes.list({ date: CARE_DAY }));
    expect(list.map((p) => p.code)).toEqual(['CESAR', 'PALU', 'TB', 'VIH', 'LEPRE', 'PEV']);
    expect(list[1]).toMatchObject({
      acts: ['LB-TDR', 'LB-GE'],
      patients: [{ kind: 'under_age', years: 5 }, { kind: 'pregnant' }],
      payer: 'Programme national de lutte contre le paludisme (PNLP)',
    });

    const bad = ok(
      await importProgrammes(
        [
          'code;nom;payeur;ordre;actes;categories;patients;cim10;debut_effet',
          'RAMED;Régime d’assistance médicale;ANAM;1;CS-CUR;;;;2027-01-01',
          'VIDE;Ne couvre rien;Ministère;2;;;;;2027-01-01',
          'AGE;Mauvais patients;Ministère;3;LB-GE;;moins de cinq ans;;2027-01-01',
          'CAT;Mauvaise catégorie;Ministère;4;;pharmacie;;B5 0;2027-01-01',
        ].join('\n'),
      ),
    );
    expect(bad.applied).toBe(false);
    expect(bad.rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, 'code « RAMED » refusé : le RAMED n’est pas un programme de gratuité'],
      [3, 'le programme ne couvre rien : donnez des actes, des catégories, des médicaments ou cesarienne = 1'],
      [4, 'patients « moins de cinq ans » invalide : moins_de_N_ans (N de 1 à 120) ou enceinte, séparés par |'],
      [
        5,
        'catégorie « pharmacie » invalide : valeurs possibles : consultation, laboratoire, imagerie, maternite, hospitalisation, chirurgie, autre ; ' +
          'cim10 « B5 0 » invalide : début de code CIM-10 attendu (ex. B50, A15, O), séparés par |',
      ],
    ]);
    expect(await core.deps.handle.db.selectFrom('programme').select('id').execute()).toHaveLength(6);

    // A new version from 1 January 2027 ends the current one on 31 December 2026.
    const header = 'code;nom;payeur;ordre;actes;medicaments;patients;debut_effet';
    ok(await importProgrammes([header, 'PALU;Paludisme;PNLP;2;LB-TDR;AL2012C;moins_de_5_ans|enceinte;2027-01-01'].join('\n')));
    expect(ok(await manager.programmes.list({ date: '2026-12-31' })).find((p) => p.code === 'PALU')!.acts).toEqual(['LB-TDR', 'LB-GE']);
    expect(ok(await manager.programmes.list({ date: '2027-01-01' })).find((p) => p.code === 'PALU')!.acts).toEqual(['LB-TDR']);
    expect(await desk.programmes.import({ file: registerCsv(core, defaultList()) })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('routes each line to its programme, keeps them off the RAMED claim and totals each programme’s statement', async () => {
    ok(await importProgrammes(defaultList()));
    const [child4, child5, pregnant, caesarean, tb] = await insertPersons(core.deps.handle.db, [
      // 4 years and 364 days old on the day of care, then exactly 5 years.
      { ...somePerson(1, 'Diarra', 'Moussa'), sex: 'M', birth_date: '2021-11-11' },
      { ...somePerson(2, 'Diarra', 'Awa'), birth_date: '2021-11-10' },
      somePerson(3, 'Traoré', 'Fanta'),
      somePerson(4, 'Coulibaly', 'Mariam'),
      { ...somePerson(5, 'Keita', 'Bakary'), sex: 'M', birth_date: '1970-01-01' },
    ]);
    const batch = await receive(pharmacist, 'AL2012C', 'L1', '2028-12-31', 100, '2026-11-01');
    expect(batch).toBeGreaterThan(0);
    const episode = async (personId: number, type: 'consultation_externe' | 'maternite', codes: string[], icd10?: string) => {
      const { id } = await openEpisode(core, personId, `${CARE_DAY}T08:00:00.000Z`, { type });
      if (icd10) ok(await desk.episodes.setDiagnosis({ episodeId: id, diagnosis: 'Tuberculose pulmonaire', icd10 }));
      for (const code of codes)
        ok(await desk.episodes.addLine({ episodeId: id, code, quantity: 1, performedOn: CARE_DAY, prescriber: 'Dr Sidibé' }));
      return id;
    };
    const e1 = await episode(child4!, 'consultation_externe', ['CS-CUR', 'LB-TDR']);
    const e2 = await episode(child5!, 'consultation_externe', ['CS-CUR', 'LB-TDR']);
    const e3 = await episode(pregnant!, 'maternite', ['LB-GE']);
    const e4 = await episode(caesarean!, 'maternite', ['MA-CES']);
    const e5 = await episode(tb!, 'consultation_externe', ['CS-CUR', 'LB-NFS'], 'A15.0');
    ok(await pharmacist.pharmacy.dispense({ episodeId: e1, medicineCode: 'AL2012C', quantity: 6, prescriber: 'Dr Sidibé' }));
    ok(await pharmacist.pharmacy.dispense({ episodeId: e2, medicineCode: 'AL2012C', quantity: 6, prescriber: 'Dr Sidibé' }));

    const programmeOf = async (id: number) =>
      (ok(await desk.episodes.get({ id })).lines as Array<{ code: string; programme?: string | null }>).map((l) => [l.code, l.programme]);
    expect(await programmeOf(e1)).toEqual([
      ['CS-CUR', null],
      ['LB-TDR', 'PALU'],
    ]);
    expect(await programmeOf(e2)).toEqual([
      ['CS-CUR', null],
      ['LB-TDR', null],
    ]);
    expect(await programmeOf(e3)).toEqual([['LB-GE', 'PALU']]);
    expect(await programmeOf(e4)).toEqual([['MA-CES', 'CESAR']]);
    expect(await programmeOf(e5)).toEqual([
      ['CS-CUR', 'TB'],
      ['LB-NFS', 'TB'],
    ]);

    // A later list that drops the malaria tests does not move the lines already priced.
    ok(
      await importProgrammes(
        ['code;nom;payeur;ordre;medicaments;patients;debut_effet', 'PALU;Paludisme;PNLP;2;AL2012C;moins_de_5_ans;2026-11-11'].join('\n'),
      ),
    );

    for (const id of [e1, e2, e3, e4, e5]) {
      ok(await desk.episodes.close({ episodeId: id, endedOn: CARE_DAY, diagnosis: 'Soins', outcome: 'gueri' }));
    }
    clock.set(NOVEMBER_ENDED);
    ok(await manager.claims.build({ month: MONTH }));
    const claim = ok(await manager.claims.get({ month: MONTH }));
    // RAMED: the consultations of the two children (1 000 each at the CSREF), the 5-year-old's test (1 000) and her medicine (6 × 50).
    expect(claim.document.total).toBe(1000 + 1000 + 1000 + 300);

    expect(ok(await manager.programmes.month({ month: MONTH }))).toEqual([
      {
        code: 'CESAR',
        name: 'Césarienne gratuite',
        payer: 'Ministère de la Santé (gratuité de la césarienne)',
        episodes: 1,
        lines: 1,
        total: 75000,
      },
      {
        code: 'PALU',
        name: 'Paludisme',
        payer: 'PNLP',
        episodes: 2,
        lines: 3,
        total: 1000 + 300 + 500,
      },
      {
        code: 'TB',
        name: 'Tuberculose',
        payer: 'Programme national de lutte contre la tuberculose (PNLT)',
        episodes: 1,
        lines: 2,
        total: 1000 + 2500,
      },
    ]);

    const csv = ok(await manager.programmes.statement({ month: MONTH, programme: 'palu', format: 'csv' }));
    expect(csv.fileName).toBe('releve-PALU-T01-2026-11.csv');
    const rows = Buffer.from(csv.base64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(rows.slice(1).map((r) => r.split(';').filter((_, i) => [1, 5, 9, 14].includes(i)))).toEqual([
      ['PALU', 'DIARRA Moussa', 'LB-TDR', '1000'],
      ['PALU', 'DIARRA Moussa', 'AL2012C', '300'],
      ['PALU', 'TRAORÉ Fanta', 'LB-GE', '500'],
    ]);
    const pdf = ok(await manager.programmes.statement({ month: MONTH, programme: 'CESAR', format: 'pdf' }));
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(await manager.programmes.statement({ month: MONTH, programme: 'VIH', format: 'pdf' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Le programme VIH n’a aucune ligne sur les épisodes clos de novembre 2026.' },
    });
    expect(await manager.programmes.statement({ month: MONTH, programme: 'XYZ', format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
