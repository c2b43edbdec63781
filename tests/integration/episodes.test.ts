import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../shared/contract/client';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { openEpisode } from '../support/episodes';
import { insertPersons } from '../support/persons';
import { importList, setFacility, TEST_TARIFFS } from '../support/reference';

// The test clock reads 16 November 2026, 09:30; episodes are opened on the 10th.
describeEachDb('episodes', (kind) => {
  let core: TestCore;
  let accueil: Client;
  let gestionnaire: Client;
  let personId: number;

  beforeEach(async () => {
    core = await openTestCore(kind);
    await setFacility(core, 'cscom');
    await importList(core, 'tariffs', TEST_TARIFFS);
    personId = (
      await insertPersons(core.deps.handle.db, [{ recepisse: '1111234567890', family_name: 'Traoré', given_names: 'Aïssata' }])
    )[0]!;
    accueil = clientFor(core, slotAs(['accueil'], null, 'aminata'));
    gestionnaire = clientFor(core, slotAs(['gestionnaire'], null, 'fatoumata'));
  });
  afterEach(async () => core.dispose());

  const line = (episodeId: number, code: string, over: { quantity?: number; performedOn?: string } = {}) => ({
    episodeId,
    code,
    quantity: over.quantity ?? 1,
    performedOn: over.performedOn ?? '2026-11-16',
    prescriber: 'Dr Sidibé',
  });
  const lineCount = async () =>
    Number(
      (
        await core.deps.handle.db
          .selectFrom('prestation')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('opens an episode with a yearly number and what reception decided', async () => {
    const first = await openEpisode(core, personId, '2026-11-10T08:00:00.000Z', {
      type: 'urgence',
      emergency: true,
      referralFrom: 'CSCOM de Sébénikoro',
      referralRef: 'REF-2026-114',
      eligibility: { eligible: true, reasons: [], warnings: ['NEAR_EXPIRY'] },
    });
    const second = await openEpisode(core, personId);
    expect([first.number, second.number]).toEqual(['EP-2026-000001', 'EP-2026-000002']);
    const view = await accueil.episodes.get({ id: first.id });
    expect(view).toMatchObject({
      ok: true,
      value: {
        status: 'ouvert',
        type: 'urgence',
        emergency: true,
        referralFrom: 'CSCOM de Sébénikoro',
        identityDocument: 'cni_nina',
        identityMatches: true,
        eligibility: { eligible: true, warnings: ['NEAR_EXPIRY'] },
        openedBy: 'accueil',
        level: 'cscom',
        patient: { recepisse: '1111234567890', familyName: 'Traoré', givenNames: 'Aïssata' },
        lines: [],
        totals: { ramed: 0, acts: 0, medicines: 0, programme: 0, activeLines: 0, activeMedicines: 0 },
        events: [{ kind: 'ouverture', by: 'accueil' }],
      },
    });
    const nextYear = await openEpisode(core, personId, '2027-01-02T08:00:00.000Z');
    expect(nextYear.number).toBe('EP-2027-000001');
  });

  it('refuses to open an episode for an unknown person or with an incoherent identity check', async () => {
    await expect(openEpisode(core, 999999)).rejects.toThrow(/introuvable/);
    await expect(openEpisode(core, personId, undefined, { identityDocument: 'aucun', identityMatches: true })).rejects.toThrow(
      /Sans pièce présentée/,
    );
  });

  it('prices each line with the tariff in force on its own date, on both sides of a change', async () => {
    const { id } = await openEpisode(core, personId);
    await accueil.episodes.addLine(line(id, 'CS-CUR', { performedOn: '2026-11-14' }));
    const after = await accueil.episodes.addLine(line(id, 'cs-cur', { performedOn: '2026-11-15' }));
    expect(after.ok).toBe(true);
    if (!after.ok) return;
    expect(after.value.lines.map((l) => [l.code, l.performedOn, l.unitPrice, l.amount, l.state])).toEqual([
      ['CS-CUR', '2026-11-14', 500, 500, 'active'],
      ['CS-CUR', '2026-11-15', 600, 600, 'active'],
    ]);
    expect(after.value.totals).toEqual({ ramed: 1100, acts: 1100, medicines: 0, programme: 0, activeLines: 2, activeMedicines: 0 });
    expect(after.value.lines[0]!.prescriber).toBe('Dr Sidibé');
  });

  it.each([
    ['evacuation abroad', 'EX-EVAC', 1, /exclu de la prise en charge RAMED \(évacuation sanitaire à l’étranger\)/, 'code'],
    ['dental prostheses', 'EX-PROT', 1, /prothèse dentaire/, 'code'],
    ['glasses', 'EX-LUN', 1, /lunettes/, 'code'],
    ['cosmetic care', 'EX-ESTH', 1, /soins esthétiques/, 'code'],
    ['an act the RAMED does not cover', 'SO-CERT', 1, /pas couvert par le RAMED/, 'code'],
    ['an act of another level', 'LB-NFS', 1, /pas autorisé au niveau CSCOM/, 'code'],
    ['an unknown act', 'XX-999', 1, /n’existe pas/, 'code'],
    ['a quantity over the maximum', 'HO-OBS', 4, /limité à 3 par épisode/, 'quantity'],
  ])('refuses %s and records nothing', async (_name, code, quantity, message, field) => {
    const { id } = await openEpisode(core, personId);
    const result = await accueil.episodes.addLine(line(id, code, { quantity }));
    expect(result).toMatchObject({ ok: false, error: { code: 'REFUSED', message: expect.stringMatching(message) } });
    expect(!result.ok && result.error.fields?.[field]).toMatch(message);
    expect(await lineCount()).toBe(0);
  });

  it('counts the maximum per episode across lines, and a cancelled line frees it', async () => {
    const { id } = await openEpisode(core, personId);
    await accueil.episodes.addLine(line(id, 'HO-OBS', { quantity: 2 }));
    const over = await accueil.episodes.addLine(line(id, 'HO-OBS', { quantity: 2 }));
    expect(over).toMatchObject({ ok: false, error: { message: expect.stringMatching(/déjà 2, encore 1 possible/) } });
    const view = await accueil.episodes.get({ id });
    const first = view.ok ? view.value.lines[0]!.id : 0;
    await accueil.episodes.cancelLine({ episodeId: id, lineId: first, reason: 'Erreur de quantité' });
    const again = await accueil.episodes.addLine(line(id, 'HO-OBS', { quantity: 3 }));
    expect(again.ok && again.value.totals).toEqual({
      ramed: 3000,
      acts: 3000,
      medicines: 0,
      programme: 0,
      activeLines: 1,
      activeMedicines: 0,
    });
  });

  it('refuses line dates in the future or before the opening', async () => {
    const { id } = await openEpisode(core, personId);
    const future = await accueil.episodes.addLine(line(id, 'CS-CUR', { performedOn: '2026-11-17' }));
    expect(future).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { performedOn: expect.any(String) } } });
    const before = await accueil.episodes.addLine(line(id, 'CS-CUR', { performedOn: '2026-11-09' }));
    expect(before).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/précède l’ouverture de l’épisode \(10\/11\/2026\)/) },
    });
    const bad = await accueil.episodes.addLine({ ...line(id, 'CS-CUR'), quantity: 0 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { quantity: expect.any(String) } } });
    expect(await lineCount()).toBe(0);
  });

  it('corrects by a new line that cancels the old one: nothing deleted or edited', async () => {
    const { id } = await openEpisode(core, personId);
    await accueil.episodes.addLine(line(id, 'CS-CUR'));
    const added = await accueil.episodes.addLine(line(id, 'LB-GE', { quantity: 2 }));
    const wrong = added.ok ? added.value.lines[1]! : null;
    const before = await core.deps.handle.db.selectFrom('prestation').selectAll().orderBy('id').execute();

    const cancelled = await accueil.episodes.cancelLine({ episodeId: id, lineId: wrong!.id, reason: 'Examen saisi en double' });
    expect(cancelled.ok).toBe(true);
    if (!cancelled.ok) return;
    const [, original, mirror] = cancelled.value.lines;
    expect(original).toMatchObject({ state: 'annulee', cancelledById: mirror!.id, reason: 'Examen saisi en double', amount: 1000 });
    expect(mirror).toMatchObject({ state: 'annulation', cancelsId: original!.id, quantity: -2, amount: -1000, createdBy: 'aminata' });
    expect(cancelled.value.totals).toEqual({ ramed: 600, acts: 600, medicines: 0, programme: 0, activeLines: 1, activeMedicines: 0 });
    // The rows written before are untouched.
    const after = await core.deps.handle.db.selectFrom('prestation').selectAll().orderBy('id').execute();
    expect(after.slice(0, 2)).toEqual(before);

    const twice = await accueil.episodes.cancelLine({ episodeId: id, lineId: wrong!.id, reason: 'Encore' });
    expect(twice).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/déjà été annulée le 16\/11\/2026 par aminata/) },
    });
    const ofCancellation = await accueil.episodes.cancelLine({ episodeId: id, lineId: mirror!.id, reason: 'Annuler l’annulation' });
    expect(ofCancellation).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    const noReason = await accueil.episodes.cancelLine({ episodeId: id, lineId: original!.id, reason: ' ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { reason: expect.stringMatching(/motif/) } } });
  });

  it('closes (frozen for the claim) and reopens only by the manager, with the reason audited', async () => {
    const { id, number } = await openEpisode(core, personId);
    await accueil.episodes.addLine(line(id, 'CS-CUR', { performedOn: '2026-11-14' }));
    const early = await accueil.episodes.close({ episodeId: id, endedOn: '2026-11-13', diagnosis: 'Paludisme simple', outcome: 'gueri' });
    expect(early).toMatchObject({
      ok: false,
      error: { fields: { endedOn: expect.stringMatching(/dernier acte de l’épisode \(14\/11\/2026\)/) } },
    });
    const badIcd = await accueil.episodes.close({
      episodeId: id,
      endedOn: '2026-11-14',
      diagnosis: 'Paludisme simple',
      icd10: 'palu',
      outcome: 'gueri',
    });
    expect(badIcd).toMatchObject({ ok: false, error: { fields: { icd10: expect.stringMatching(/CIM-10/) } } });

    const closed = await accueil.episodes.close({
      episodeId: id,
      endedOn: '2026-11-14',
      diagnosis: 'Paludisme simple',
      icd10: 'b54',
      outcome: 'gueri',
    });
    expect(closed).toMatchObject({
      ok: true,
      value: { status: 'clos', endedOn: '2026-11-14', icd10: 'B54', outcome: 'gueri', closedBy: 'aminata', totals: { ramed: 500 } },
    });
    const frozen = [
      await accueil.episodes.addLine(line(id, 'CS-CUR')),
      await accueil.episodes.cancelLine({ episodeId: id, lineId: closed.ok ? closed.value.lines[0]!.id : 0, reason: 'Erreur' }),
      await accueil.episodes.setDiagnosis({ episodeId: id, diagnosis: 'Autre chose' }),
      await accueil.episodes.close({ episodeId: id, endedOn: '2026-11-16', diagnosis: 'Paludisme simple', outcome: 'gueri' }),
    ];
    for (const result of frozen)
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/est clos/) } });

    expect(await accueil.episodes.reopen({ episodeId: id, reason: 'Acte oublié' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await gestionnaire.episodes.reopen({ episodeId: id, reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const reopened = await gestionnaire.episodes.reopen({ episodeId: id, reason: 'Radiographie oubliée' });
    expect(reopened).toMatchObject({ ok: true, value: { status: 'ouvert', endedOn: null, closedAt: null, diagnosis: 'Paludisme simple' } });
    expect(reopened.ok && reopened.value.events.map((e) => [e.kind, e.by, e.reason])).toEqual([
      ['ouverture', 'accueil', null],
      ['cloture', 'aminata', null],
      ['reouverture', 'fatoumata', 'Radiographie oubliée'],
    ]);
    expect(await gestionnaire.episodes.reopen({ episodeId: id, reason: 'Encore' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    const audit = await core.deps.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('method', '=', 'episodes.reopen')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.outcome, a.actor_login])).toEqual([
      ['denied', 'aminata'],
      ['ok', 'fatoumata'],
      ['failed', 'fatoumata'],
    ]);
    expect(audit[1]).toMatchObject({ entity: 'episode', entity_id: number });
    expect(JSON.parse(audit[1]!.summary).input.reason).toBe('Radiographie oubliée');
  });

  it('records the diagnosis while open, with its history', async () => {
    const { id } = await openEpisode(core, personId);
    await accueil.episodes.setDiagnosis({ episodeId: id, diagnosis: 'Fièvre', outcome: 'ameliore' });
    const second = await accueil.episodes.setDiagnosis({ episodeId: id, diagnosis: 'Paludisme simple', icd10: 'B54' });
    expect(second).toMatchObject({ ok: true, value: { diagnosis: 'Paludisme simple', icd10: 'B54', outcome: 'ameliore' } });
    expect(second.ok && second.value.events.filter((e) => e.kind === 'diagnostic')).toHaveLength(2);
  });

  it('lets the pharmacy read episodes but not change them, and keeps the administrator out', async () => {
    const { id } = await openEpisode(core, personId);
    const pharmacie = clientFor(core, slotAs(['pharmacie']));
    expect((await pharmacie.episodes.get({ id })).ok).toBe(true);
    expect(await pharmacie.episodes.addLine(line(id, 'CS-CUR'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await clientFor(core, slotAs(['admin'])).episodes.list({})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  describe('at a CSREF', () => {
    beforeEach(async () => setFacility(core, 'csref'));

    it('records a caesarean for its own programme and never bills it to the RAMED', async () => {
      const { id } = await openEpisode(core, personId, undefined, { type: 'maternite' });
      await accueil.episodes.addLine(line(id, 'CS-CUR'));
      const result = await accueil.episodes.addLine(line(id, 'MA-CES'));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value.lines[1]).toMatchObject({ code: 'MA-CES', payer: 'programme_cesarienne', amount: 75000 });
      expect(result.value.totals).toEqual({ ramed: 1000, acts: 1000, medicines: 0, programme: 75000, activeLines: 2, activeMedicines: 0 });
      const list = await accueil.episodes.list({});
      expect(list.ok && list.value.rows[0]!.ramedTotal).toBe(1000);
    });
  });
});
