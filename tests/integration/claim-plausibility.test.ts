import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DEFAULT_CONTROLS, sampleFile } from '../../electron/core/reference/sample-files';
import type { Client } from '../../shared/contract/client';
import { closedEpisode, novemberEnded } from '../support/claims';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { openEpisode } from '../support/episodes';
import { insertPersons, somePerson } from '../support/persons';
import { importList, registerCsv, setFacility, TARIFF_HEADER, TEST_TARIFFS } from '../support/reference';

const MONTH = '2026-11';
const MORE_TARIFFS = [
  TARIFF_HEADER,
  'MA-ACC;Accouchement normal;maternite;cscom;3000;2024-01-01;;1;1;;',
  'MA-CPN;Consultation prénatale;maternite;cscom;500;2024-01-01;;1;1;;',
].join('\n');

describeEachDb('plausibility rules as data', (kind) => {
  let core: TestCore;
  let manager: Client;
  let admin: Client;
  let desk: Client;

  beforeEach(async () => {
    core = await openTestCore(kind, { clock: novemberEnded() });
    await setFacility(core, 'cscom');
    await importList(core, 'tariffs', TEST_TARIFFS);
    await importList(core, 'tariffs', MORE_TARIFFS);
    manager = clientFor(core, slotAs(['gestionnaire'], null, 'fatoumata'));
    admin = clientFor(core, slotAs(['admin']));
    desk = clientFor(core, slotAs(['accueil'], null, 'aminata'));
  });
  afterEach(async () => core.dispose());

  const ok = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  const importRules = async (content: string) => admin.controls.import({ file: registerCsv(core, content, 'controles.csv') });

  it('imports the reviewed default list, versioned: a re-import changes nothing, a bad line refuses the whole file', async () => {
    const file = readFileSync(sampleFile(DEFAULT_CONTROLS).path, 'utf8');
    const first = ok(await importRules(file));
    expect(first).toMatchObject({ applied: true, inserted: 23, unchanged: 0, rejected: [] });
    expect(ok(await importRules(file))).toMatchObject({ applied: true, inserted: 0, unchanged: 23 });
    const rules = ok(await manager.controls.list({ date: '2026-11-10' }));
    expect(rules.find((r) => r.code === 'MA-ACC')).toMatchObject({ sex: 'F', ageMin: 12, ageMax: 55, minDaysBetween: 180, perDay: false });

    const bad = ok(
      await importRules(
        [
          'code;sexe;age_min;age_max;max_par_periode;periode_jours;debut_effet',
          'MA-ACC;X;12;55;;;2027-01-01',
          'CS-CUR;;40;20;;;2027-01-01',
          'MA-CPN;F;;;4;;2027-01-01',
        ].join('\n'),
      ),
    );
    expect(bad.applied).toBe(false);
    expect(bad.rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, 'sexe « X » invalide : F, M ou vide attendu'],
      [3, 'l’âge maximum précède l’âge minimum'],
      [4, 'max_par_periode et periode_jours vont ensemble : donnez les deux, ou aucun'],
    ]);
    expect(await core.deps.handle.db.selectFrom('plausibility_rule').select('id').execute()).toHaveLength(23);

    // A new version from 1 January 2027 ends the current one on 31 December 2026.
    ok(await importRules(['code;sexe;age_min;age_max;debut_effet', 'MA-ACC;F;12;50;2027-01-01'].join('\n')));
    expect(ok(await manager.controls.list({ date: '2026-12-31' })).find((r) => r.code === 'MA-ACC')).toMatchObject({ ageMax: 55 });
    expect(ok(await manager.controls.list({ date: '2027-01-01' })).find((r) => r.code === 'MA-ACC')).toMatchObject({ ageMax: 50 });
    expect(await desk.controls.import({ file: registerCsv(core, file) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('flags a delivery for a man, repeated visits, days beyond the stay and overlapping stays in the claim', async () => {
    ok(await importRules(readFileSync(sampleFile(DEFAULT_CONTROLS).path, 'utf8')));
    const [man, woman, visitor, stayer] = await insertPersons(core.deps.handle.db, [
      { ...somePerson(1, 'Keita', 'Bakary'), sex: 'M', birth_date: '1968-05-02' },
      somePerson(2, 'Traoré', 'Awa'),
      somePerson(3, 'Diarra', 'Fanta'),
      somePerson(4, 'Coulibaly', 'Moussa'),
    ]);
    const delivery = await closedEpisode(core, man!, [{ code: 'MA-ACC' }], '2026-11-05');
    const fine = await closedEpisode(core, woman!, [{ code: 'MA-ACC' }], '2026-11-05');
    const visits: number[] = [];
    for (const day of ['02', '03', '04', '05', '06'])
      visits.push(await closedEpisode(core, visitor!, [{ code: 'CS-CUR' }], `2026-11-${day}`));
    // Two stays of one patient, 10-12 and 11-13 November; the first bills 3 days of observation for 3 days, the limit.
    const stay = async (from: string, to: string, days: number) => {
      const { id } = await openEpisode(core, stayer!, `2026-11-${from}T08:00:00.000Z`, { type: 'hospitalisation' });
      ok(
        await desk.episodes.addLine({
          episodeId: id,
          code: 'HO-OBS',
          quantity: days,
          performedOn: `2026-11-${from}`,
          prescriber: 'Dr Sidibé',
        }),
      );
      ok(await desk.episodes.close({ episodeId: id, endedOn: `2026-11-${to}`, diagnosis: 'Paludisme grave', outcome: 'gueri' }));
      return id;
    };
    const first = await stay('10', '12', 3);
    const second = await stay('11', '12', 3);

    ok(await manager.claims.build({ month: MONTH }));
    const view = ok(await manager.claims.get({ month: MONTH }));
    const plausibility = view.flags
      .filter((f) => ['IMPLAUSIBLE_SEX', 'IMPLAUSIBLE_AGE', 'OVER_PERIOD_LIMIT', 'DAYS_OVER_STAY', 'OVERLAPPING_STAYS'].includes(f.code))
      .map((f) => [f.code, f.episodeId, f.severity]);
    expect(plausibility.sort()).toEqual(
      [
        ['IMPLAUSIBLE_SEX', delivery, 'avertissement'],
        ['IMPLAUSIBLE_AGE', delivery, 'avertissement'],
        ['OVER_PERIOD_LIMIT', visits[3]!, 'avertissement'],
        ['OVER_PERIOD_LIMIT', visits[4]!, 'avertissement'],
        ['DAYS_OVER_STAY', second, 'avertissement'],
        ['OVERLAPPING_STAYS', second, 'avertissement'],
      ].sort(),
    );
    expect(view.flags.some((f) => f.episodeId === fine || f.episodeId === first)).toBe(false);
    expect(view.flags.find((f) => f.code === 'IMPLAUSIBLE_SEX')!.message).toBe(
      '« Accouchement normal » facturé pour un homme (KEITA Bakary) : cet acte est réservé à une femme.',
    );

    // The severity is a setting: made blocking, the delivery for a man stops the sign-off.
    ok(await admin.settings.set({ key: 'claims.check.IMPLAUSIBLE_SEX', value: 'bloquant' }));
    const strict = ok(await manager.claims.get({ month: MONTH }));
    expect(strict.blocking).toBe(1);
    expect(await manager.claims.sign({ month: MONTH, sha256: strict.sha256 })).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
  });

  it('counts the visits of an earlier month’s claim: a delivery 100 days after another is flagged', async () => {
    ok(await importRules(readFileSync(sampleFile(DEFAULT_CONTROLS).path, 'utf8')));
    const [woman] = await insertPersons(core.deps.handle.db, [somePerson(2, 'Traoré', 'Awa')]);
    await closedEpisode(core, woman!, [{ code: 'MA-ACC' }], '2026-08-01');
    ok(await manager.claims.build({ month: '2026-08' }));
    const second = await closedEpisode(core, woman!, [{ code: 'MA-ACC' }], '2026-11-09');
    ok(await manager.claims.build({ month: MONTH }));
    const view = ok(await manager.claims.get({ month: MONTH }));
    expect(view.flags.map((f) => [f.code, f.episodeId, f.message])).toEqual([
      [
        'REPEAT_TOO_SOON',
        second,
        '« Accouchement normal » pour TRAORÉ Awa le 09/11/2026, 100 jour(s) après celui du 01/08/2026 : 180 jours au moins entre deux.',
      ],
    ]);
  });
});
