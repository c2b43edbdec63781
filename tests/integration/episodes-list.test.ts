import { afterAll, beforeAll, expect, it } from 'vitest';
import { actingAs } from '../../electron/core/service-context';
import { closeEpisode } from '../../electron/core/episodes/lifecycle';
import { addLine, cancelLine } from '../../electron/core/episodes/lines';
import { EPISODE_TYPES } from '../../shared/domain/episodes';
import type { Client } from '../../shared/contract/client';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { openEpisode } from '../support/episodes';
import { insertPersons } from '../support/persons';
import { importList, setFacility, TEST_TARIFFS } from '../support/reference';

const PERSONS = [
  { recepisse: '1111234567890', family_name: 'Traoré', given_names: 'Aïssata' },
  { recepisse: '1111234567891', family_name: 'Coulibaly', given_names: 'Moussa' },
  { recepisse: '2222000000001', family_name: 'Diarra', given_names: 'Fatoumata Bintou' },
  { recepisse: '3333000000001', family_name: 'Keïta', given_names: 'Sékou' },
];

// 20 episodes, one a day from 1 to 20 November, rotating patients and types; the first 12 closed.
describeEachDb('episodes list', (kind) => {
  let core: TestCore;
  let accueil: Client;

  beforeAll(async () => {
    core = await openTestCore(kind);
    await setFacility(core, 'cscom');
    await importList(core, 'tariffs', TEST_TARIFFS);
    const ids = await insertPersons(core.deps.handle.db, PERSONS);
    for (let day = 1; day <= 20; day++) {
      const at = `2026-11-${String(day).padStart(2, '0')}T08:00:00.000Z`;
      const { id } = await openEpisode(core, ids[day % 4]!, at, { type: EPISODE_TYPES[day % 5] });
      const w = actingAs(core.deps, 'accueil', at);
      const lineId = await addLine(w, {
        episodeId: id,
        code: 'CS-CUR',
        quantity: 1,
        performedOn: at.slice(0, 10),
        prescriber: 'Dr Sidibé',
      });
      await addLine(w, { episodeId: id, code: 'LB-GE', quantity: 1, performedOn: at.slice(0, 10), prescriber: 'Dr Sidibé' });
      if (day % 3 === 0) await cancelLine(w, { episodeId: id, lineId, reason: 'Erreur de saisie' });
      if (day <= 12) await closeEpisode(w, { episodeId: id, endedOn: at.slice(0, 10), diagnosis: 'Paludisme simple', outcome: 'gueri' });
    }
    accueil = clientFor(core, slotAs(['accueil']));
  });
  afterAll(async () => core.dispose());

  const list = async (input: Parameters<Client['episodes']['list']>[0]) => {
    const result = await accueil.episodes.list(input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  const numbers = (rows: Array<{ number: string }>) => rows.map((r) => Number(r.number.slice(-6)));

  it('pages the newest first by default, with each episode’s RAMED total', async () => {
    const first = await list({ pageSize: 8 });
    expect(first.total).toBe(20);
    expect(numbers(first.rows)).toEqual([20, 19, 18, 17, 16, 15, 14, 13]);
    const third = await list({ pageSize: 8, pageIndex: 2 });
    expect(numbers(third.rows)).toEqual([4, 3, 2, 1]);
    const day18 = first.rows[2]!;
    // Day 18: consultation (600 after the 15th) cancelled, malaria test (500) kept.
    expect(day18).toMatchObject({ ramedTotal: 500, activeLines: 1, status: 'ouvert', patientName: 'DIARRA Fatoumata Bintou' });
    expect(first.rows[0]).toMatchObject({ ramedTotal: 1100, activeLines: 2 });
    // The list's total covers every selected episode, not only the page shown.
    const sum = (rows: Array<{ ramedTotal: number }>) => rows.reduce((s, r) => s + r.ramedTotal, 0);
    const all = await list({ pageSize: 50 });
    expect(first.ramedTotal).toBe(sum(all.rows));
    expect(first.ramedTotal).toBeGreaterThan(sum(first.rows));
  });

  it.each([
    ['status', { status: 'clos' as const }, [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]],
    ['type', { type: 'urgence' as const }, [16, 11, 6, 1]],
    ['date range, both ends included', { from: '2026-11-05', to: '2026-11-07' }, [7, 6, 5]],
    ['name without accents', { patient: 'traore aissata' }, [20, 16, 12, 8, 4]],
    ['given name alone', { patient: 'Sékou' }, [19, 15, 11, 7, 3]],
    ['whole récépissé', { patient: '1111234567891' }, [17, 13, 9, 5, 1]],
    ['start of a récépissé', { patient: '11112345' }, [20, 17, 16, 13, 12, 9, 8, 5, 4, 1]],
    ['episode number, short form', { patient: 'ep-2026-7' }, [7]],
    ['several filters at once', { status: 'ouvert' as const, patient: 'coulibaly', from: '2026-11-14' }, [17]],
  ])('filters by %s', async (_name, filter, expected) => {
    const page = await list({ ...filter, pageSize: 50 });
    expect(numbers(page.rows)).toEqual(expected);
    expect(page.total).toBe(expected.length);
    expect(page.ramedTotal).toBe(page.rows.reduce((s, r) => s + r.ramedTotal, 0));
  });

  it('sorts on the server by patient and by number', async () => {
    const byPatient = await list({ sort: 'patient', desc: false, pageSize: 50 });
    expect([...new Set(byPatient.rows.map((r) => r.patientName.split(' ')[0]))]).toEqual(['COULIBALY', 'DIARRA', 'KEÏTA', 'TRAORÉ']);
    const byNumber = await list({ sort: 'number', desc: false, pageSize: 3 });
    expect(numbers(byNumber.rows)).toEqual([1, 2, 3]);
  });

  it('exports every episode the filter selects as a French CSV, beyond the page shown', async () => {
    const file = await accueil.episodes.export({ type: 'consultation_externe', sort: 'number', desc: false });
    if (!file.ok) throw new Error(file.error.message);
    expect(file.value).toMatchObject({ fileName: 'episodes-2026-11-16.csv', mimeType: 'text/csv;charset=utf-8' });
    const bytes = Buffer.from(file.value.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'N° d’épisode;Ouvert le;Heure;Fin des soins;Patient;Récépissé;Type;Urgence;Statut;Actes;Médicaments;Total RAMED (FCFA)',
    );
    expect(lines.slice(1)).toEqual([
      'EP-2026-000005;05/11/2026;08:00;05/11/2026;COULIBALY Moussa;1111234567891;Consultation externe;non;Clos;2;0;1000',
      'EP-2026-000010;10/11/2026;08:00;10/11/2026;DIARRA Fatoumata Bintou;2222000000001;Consultation externe;non;Clos;2;0;1000',
      'EP-2026-000015;15/11/2026;08:00;;KEÏTA Sékou;3333000000001;Consultation externe;non;Ouvert;1;0;500',
      'EP-2026-000020;20/11/2026;08:00;;TRAORÉ Aïssata;1111234567890;Consultation externe;non;Ouvert;2;0;1100',
    ]);
  });

  it('refuses a page size out of bounds', async () => {
    expect(await accueil.episodes.list({ pageSize: 5000 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
