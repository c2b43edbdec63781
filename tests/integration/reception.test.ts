import { afterEach, beforeEach, expect, it } from 'vitest';
import { actingAs } from '../../electron/core/service-context';
import { setSetting } from '../../electron/core/settings/settings';
import type { Client } from '../../shared/contract/client';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { insertPersons } from '../support/persons';
import { setFacility } from '../support/reference';

// The test clock reads 16 November 2026, 09:30.
describeEachDb('reception desk', (kind) => {
  let core: TestCore;
  let accueil: Client;

  const HOLDER = '1111234567890';
  const EXPIRED = '1111234567891';
  const CHILD = '1111234567892';

  beforeEach(async () => {
    core = await openTestCore(kind);
    await setFacility(core, 'cscom');
    const db = core.deps.handle.db;
    await insertPersons(db, [
      { recepisse: HOLDER, family_name: 'Traoré', given_names: 'Aïssata' },
      { recepisse: EXPIRED, family_name: 'Coulibaly', given_names: 'Moussa', sex: 'M' },
      {
        recepisse: CHILD,
        family_name: 'Traoré',
        given_names: 'Bakary',
        sex: 'M',
        birth_date: '2011-03-02',
        quality: 'enfant',
        holder_recepisse: HOLDER,
      },
    ]);
    await db.updateTable('person').set({ valid_to: '2026-10-31' }).where('recepisse', '=', EXPIRED).execute();
    accueil = clientFor(core, slotAs(['accueil'], null, 'aminata'));
  });
  afterEach(async () => core.dispose());

  const visit = (recepisse: string, over: Record<string, unknown> = {}) => ({
    recepisse,
    type: 'consultation_externe' as const,
    identityDocument: 'cni_nina' as const,
    identityNumber: '12345678901234A',
    identityMatches: true,
    ...over,
  });
  const checks = () =>
    core.deps.handle.db
      .selectFrom('reception_check')
      .select(['kind', 'outcome', 'recepisse', 'identity_document', 'episode_id'])
      .orderBy('id')
      .execute();
  const reasonsOf = async () =>
    (await core.deps.handle.db.selectFrom('reception_check_reason').select('code').orderBy('id').execute()).map((r) => r.code);
  const episodeCount = async () =>
    Number(
      (
        await core.deps.handle.db
          .selectFrom('episode')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('admits an eligible person, keeps the identity check and the eligibility snapshot, and records the decision', async () => {
    const result = await accueil.reception.admit(visit(HOLDER));
    expect(result).toMatchObject({ ok: true, value: { outcome: 'admitted', number: 'EP-2026-000001' } });
    if (!result.ok || result.value.outcome !== 'admitted') throw new Error('not admitted');
    const episode = await accueil.episodes.get({ id: result.value.episodeId });
    expect(episode).toMatchObject({
      ok: true,
      value: {
        identityDocument: 'cni_nina',
        identityNumber: '12345678901234A',
        identityMatches: true,
        eligibility: { eligible: true, reasons: [] },
        patient: { recepisse: HOLDER },
        openedBy: 'aminata',
      },
    });
    expect(await checks()).toEqual([
      { kind: 'admission', outcome: 'admis', recepisse: HOLDER, identity_document: 'cni_nina', episode_id: result.value.episodeId },
    ]);
  });

  it('refuses a person who is not eligible, with every reason, records the refusal and opens nothing', async () => {
    expect(await accueil.reception.admit(visit(EXPIRED))).toMatchObject({
      ok: true,
      value: { outcome: 'refused', reasons: ['EXPIRED'], message: expect.stringMatching(/Récépissé expiré/) },
    });
    expect(await accueil.reception.admit(visit(CHILD))).toMatchObject({
      ok: true,
      value: { outcome: 'refused', reasons: ['CHILD_NOT_IN_SCHOOL'] },
    });
    expect(await accueil.reception.admit(visit('9999999999999'))).toMatchObject({
      ok: true,
      value: { outcome: 'refused', reasons: ['NOT_FOUND'] },
    });
    expect(await episodeCount()).toBe(0);
    expect((await checks()).map((c) => c.outcome)).toEqual(['refuse', 'refuse', 'refuse']);
    expect(await reasonsOf()).toEqual(['EXPIRED', 'CHILD_NOT_IN_SCHOOL', 'NOT_FOUND']);
  });

  it('records each check at the desk with its reasons', async () => {
    expect(await accueil.reception.check({ recepisse: '1111 2345 67891' })).toMatchObject({
      ok: true,
      value: { eligible: false, reasons: ['EXPIRED'] },
    });
    expect(await accueil.reception.check({ recepisse: HOLDER })).toMatchObject({
      ok: true,
      value: { eligible: true, person: { recepisse: HOLDER } },
    });
    expect((await checks()).map((c) => [c.kind, c.outcome, c.recepisse])).toEqual([
      ['verification', 'non_eligible', EXPIRED],
      ['verification', 'eligible', HOLDER],
    ]);
    expect(await reasonsOf()).toEqual(['EXPIRED']);
  });

  it('applies the referral rule by facility level: none at a CSCOM, warned or refused at a CSREF, emergencies always admitted', async () => {
    const setRule = (rule: string) => setSetting(actingAs(core.deps, 'admin'), { key: 'referral.rule', value: rule });
    const confirmed = { confirmSameDay: true };
    expect(await accueil.reception.admit(visit(HOLDER, confirmed))).toMatchObject({ ok: true, value: { outcome: 'admitted' } });

    await setFacility(core, 'csref');
    await setRule('refuse');
    expect(await accueil.reception.admit(visit(HOLDER, confirmed))).toMatchObject({
      ok: true,
      value: { outcome: 'refused', reasons: ['REFERRAL_REQUIRED'] },
    });
    expect(await accueil.reception.admit(visit(HOLDER, { ...confirmed, emergency: true }))).toMatchObject({
      ok: true,
      value: { outcome: 'admitted' },
    });
    expect(
      await accueil.reception.admit(visit(HOLDER, { ...confirmed, referralFrom: 'CSCOM de Sébénikoro', referralRef: 'R-114' })),
    ).toMatchObject({ ok: true, value: { outcome: 'admitted' } });

    await setRule('warn');
    const warned = await accueil.reception.admit(visit(HOLDER, confirmed));
    expect(warned).toMatchObject({ ok: true, value: { outcome: 'admitted', warnings: expect.arrayContaining(['NO_REFERRAL']) } });

    await setRule('allow');
    const allowed = await accueil.reception.admit(visit(HOLDER, confirmed));
    expect(allowed).toMatchObject({ ok: true, value: { outcome: 'admitted' } });
    if (allowed.ok && allowed.value.outcome === 'admitted') expect(allowed.value.warnings).not.toContain('NO_REFERRAL');
  });

  it('warns when the person was already admitted today and admits again only when confirmed', async () => {
    const first = await accueil.reception.admit(visit(HOLDER));
    if (!first.ok || first.value.outcome !== 'admitted') throw new Error('not admitted');
    expect(await accueil.reception.admit(visit(HOLDER))).toEqual({
      ok: true,
      value: {
        outcome: 'sameDay',
        episodes: [
          {
            id: first.value.episodeId,
            number: 'EP-2026-000001',
            openedAt: '2026-11-16T09:30:00.000Z',
            openedBy: 'aminata',
            status: 'ouvert',
          },
        ],
      },
    });
    expect(await episodeCount()).toBe(1);
    expect(await accueil.reception.admit(visit(HOLDER, { confirmSameDay: true }))).toMatchObject({
      ok: true,
      value: { outcome: 'admitted', number: 'EP-2026-000002' },
    });
  });

  it('shows the episodes opened today with the verdict, and asks again after the first one closed', async () => {
    const none = await accueil.reception.check({ recepisse: HOLDER });
    expect(none.ok && none.value.seenToday).toEqual([]);
    const first = await accueil.reception.admit(visit(HOLDER));
    if (!first.ok || first.value.outcome !== 'admitted') throw new Error('not admitted');
    const episodeId = first.value.episodeId;
    const seen = await accueil.reception.check({ recepisse: HOLDER });
    expect(seen.ok && seen.value.seenToday).toEqual([
      { id: episodeId, number: 'EP-2026-000001', openedAt: '2026-11-16T09:30:00.000Z', openedBy: 'aminata', status: 'ouvert' },
    ]);
    const closed = await accueil.episodes.close({ episodeId, endedOn: '2026-11-16', diagnosis: 'Paludisme simple', outcome: 'gueri' });
    expect(closed.ok).toBe(true);
    expect(await accueil.reception.admit(visit(HOLDER))).toMatchObject({
      ok: true,
      value: { outcome: 'sameDay', episodes: [{ id: episodeId, status: 'clos' }] },
    });
    expect(await episodeCount()).toBe(1);
  });

  it('admits without any identity document but flags it in the episode', async () => {
    const result = await accueil.reception.admit(visit(HOLDER, { identityDocument: 'aucun', identityNumber: '', identityMatches: null }));
    if (!result.ok || result.value.outcome !== 'admitted') throw new Error('not admitted');
    expect(result.value.warnings).toContain('IDENTITY_NOT_CHECKED');
    expect(await accueil.episodes.get({ id: result.value.episodeId })).toMatchObject({
      ok: true,
      value: {
        identityDocument: 'aucun',
        identityMatches: null,
        eligibility: { eligible: true, warnings: expect.arrayContaining(['IDENTITY_NOT_CHECKED']) },
      },
    });
    expect((await checks())[0]).toMatchObject({ identity_document: 'aucun' });
  });

  it('rejects an incoherent identity check and roles other than accueil', async () => {
    expect(await accueil.reception.admit(visit(HOLDER, { identityMatches: null }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { identityMatches: 'Indiquez si la pièce correspond à la personne' } },
    });
    const pharmacie = clientFor(core, slotAs(['pharmacie'], null, 'oumar'));
    expect(await pharmacie.reception.admit(visit(HOLDER))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await episodeCount()).toBe(0);
  });
});
