import { afterEach, beforeEach, expect, it } from 'vitest';
import { actingAs } from '../../electron/core/service-context';
import { fixedClock } from '../../electron/core/clock';
import { createEpisode } from '../../electron/core/episodes/create';
import { addLine, cancelLine } from '../../electron/core/episodes/lines';
import type { Client } from '../../shared/contract/client';
import type { IdentityDocument } from '../../shared/domain/episodes';
import { admission } from '../support/episodes';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { insertPersons } from '../support/persons';
import { importList, setFacility, TEST_TARIFFS } from '../support/reference';

/** The « Contrôle des abus » of November 2026, on a month whose figures are known by construction. */
describeEachDb('abuse control view', (kind) => {
  let core: TestCore;
  let manager: Client;

  beforeEach(async () => {
    core = await openTestCore(kind, { clock: fixedClock('2026-12-03T09:00:00.000Z') });
    await setFacility(core, 'cscom');
    await importList(core, 'tariffs', TEST_TARIFFS);
    manager = clientFor(core, slotAs(['gestionnaire'], null, 'fatoumata'));
  });
  afterEach(async () => core.dispose());

  const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  async function visit(
    personId: number,
    day: string,
    agent: string,
    acts: Array<[string, number, string]>,
    identity: { document?: IdentityDocument; matches?: boolean } = {},
  ): Promise<number> {
    const at = `${day}T08:00:00.000Z`;
    const w = actingAs(core.deps, agent, at);
    const { id } = await createEpisode(
      w,
      admission(personId, {
        identityDocument: identity.document ?? 'cni_nina',
        identityMatches: identity.matches ?? true,
        ...(identity.matches === false ? { identityMismatchReason: 'Photo ancienne' } : {}),
      }),
    );
    for (const [code, quantity, prescriber] of acts) await addLine(w, { episodeId: id, code, quantity, performedOn: day, prescriber });
    return id;
  }

  it('ranks patients, households, agents and prescribers against the facility’s median, each row with its episodes', async () => {
    const [awa, spouse, moussa, binta, oumar] = await insertPersons(core.deps.handle.db, [
      { recepisse: '1111000000001', family_name: 'Traoré', given_names: 'Awa' },
      { recepisse: '1111000000002', family_name: 'Traoré', given_names: 'Fanta', quality: 'conjoint', holder_recepisse: '1111000000001' },
      { recepisse: '1111000000003', family_name: 'Keïta', given_names: 'Moussa', sex: 'M' },
      { recepisse: '1111000000004', family_name: 'Diarra', given_names: 'Binta' },
      { recepisse: '1111000000005', family_name: 'Coulibaly', given_names: 'Oumar', sex: 'M' },
    ]);
    const cs = (prescriber: string, n = 1): Array<[string, number, string]> => [['CS-CUR', n, prescriber]];
    // October: not counted in November.
    await visit(awa!, '2026-10-31', 'awa.desk', cs('Dr Diallo'));
    const awaVisits = [
      await visit(awa!, '2026-11-02', 'sidi', cs('Dr Diallo'), { document: 'recepisse_seul' }),
      await visit(awa!, '2026-11-03', 'sidi', cs('Dr Diallo'), { document: 'recepisse_seul' }),
      await visit(awa!, '2026-11-04', 'sidi', cs('Dr Diallo'), { document: 'recepisse_seul' }),
      await visit(awa!, '2026-11-30', 'sidi', cs('Dr Diallo'), { document: 'recepisse_seul' }),
    ];
    const spouseVisits = [
      await visit(spouse!, '2026-11-05', 'aminata', cs('Dr Diallo')),
      await visit(spouse!, '2026-11-06', 'aminata', cs('Dr Koné')),
    ];
    const moussaVisit = await visit(moussa!, '2026-11-07', 'aminata', cs('Dr Sangaré', 4), { document: 'autre', matches: false });
    await visit(binta!, '2026-11-08', 'aminata', cs('Dr Koné'));
    const oumarVisit = await visit(oumar!, '2026-11-09', 'aminata', [['LB-GE', 1, 'Dr Koné']]);
    // A line cancelled is no act: Dr Koné's certificate goes.
    const episode = ok(await manager.episodes.get({ id: oumarVisit }));
    await cancelLine(actingAs(core.deps, 'aminata', '2026-11-09T10:00:00.000Z'), {
      episodeId: oumarVisit,
      lineId: episode.lines[0]!.id,
      reason: 'Saisie en double',
    });

    const report = ok(await manager.abuse.month({ month: '2026-11' }));
    expect(report).toMatchObject({ month: '2026-11', label: 'novembre 2026', episodes: 9 });
    // Seen: Awa 4, Fanta 2, Moussa, Binta, Oumar 1 each → median 1, the line at 2.
    expect(report.medians).toEqual({ visits: 1, householdVisits: 1, unchecked: 2.5, perEpisode: 1 });
    expect(report.patients.map((p) => [p.name, p.recepisse, p.visits, p.outlier, p.episodeIds])).toEqual([
      ['TRAORÉ Awa', '1111000000001', 4, true, awaVisits],
      ['TRAORÉ Fanta', '1111000000002', 2, false, spouseVisits],
    ]);
    expect(report.households.map((h) => [h.holderRecepisse, h.holderName, h.persons, h.visits, h.outlier])).toEqual([
      ['1111000000001', 'TRAORÉ Awa', 2, 6, true],
    ]);
    expect(report.households[0]!.episodeIds.sort((a, b) => a - b)).toEqual([...awaVisits, ...spouseVisits].sort((a, b) => a - b));
    // sidi: 4 on the récépissé alone; aminata: 1 mismatch of 5 admissions.
    expect(report.agents.map((a) => [a.login, a.admissions, a.receiptOnly, a.mismatches, a.value, a.outlier, a.episodeIds])).toEqual([
      ['sidi', 4, 4, 0, 4, false, awaVisits],
      ['aminata', 5, 0, 1, 1, false, [moussaVisit]],
    ]);
    // Dr Sangaré: 4 acts on one episode; Dr Diallo 5 on 5; Dr Koné 2 on 2 (the blood test cancelled).
    expect(report.prescribers.map((p) => [p.prescriber, p.episodes, p.acts, p.perEpisode, p.outlier])).toEqual([
      ['Dr Sangaré', 1, 4, 4, true],
      ['Dr Diallo', 5, 5, 1, false],
      ['Dr Koné', 2, 2, 1, false],
    ]);
    // Consultations billed 500 FCFA each, Moussa's 2 000: past twice the median of its type.
    expect(report.costly.map((c) => [c.number, c.patientName, c.amount, c.typeMedian, c.episodeIds])).toEqual([
      [expect.stringMatching(/^EP-2026-/), 'KEÏTA Moussa', 2000, 500, [moussaVisit]],
    ]);

    // Each row opens its episodes: the list filtered to them.
    const listed = ok(await manager.episodes.list({ ids: report.patients[0]!.episodeIds }));
    expect(listed.total).toBe(4);
    expect(listed.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(awaVisits);
  });

  it('answers an empty month with empty tables, refuses a bad month in French, and is the manager’s alone', async () => {
    const empty = ok(await manager.abuse.month({ month: '2026-11' }));
    expect(empty).toMatchObject({ episodes: 0, patients: [], households: [], agents: [], prescribers: [], costly: [] });
    expect(empty.medians).toEqual({ visits: null, householdVisits: null, unchecked: null, perEpisode: null });
    expect(await manager.abuse.month({ month: '2026-13' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { month: 'Mois attendu au format AAAA-MM (ex. 2026-11)' } },
    });
    const desk = clientFor(core, slotAs(['accueil'], null, 'aminata'));
    expect(await desk.abuse.month({ month: '2026-11' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
