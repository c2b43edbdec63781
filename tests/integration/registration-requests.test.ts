import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Client } from '../../shared/contract/client';
import { movableClock, type MovableClock } from '../support/clock';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { importList, setFacility, TEST_TARIFFS } from '../support/reference';
import { fileRef, tempFolder } from '../support/registry-files';
import { registryCsv, type RegistryRecord } from '../support/registry-generator';

const OUMAR = '1111234567893';
const MARIAM = '1111234567894';
const UNKNOWN = '1111234567899';
const expired = (recepisse: string, nom: string, prenoms: string, sexe: 'F' | 'M'): Partial<RegistryRecord> => ({
  recepisse,
  nom,
  prenoms,
  sexe,
  date_naissance: '1970',
  qualite: 'titulaire',
  debut_validite: '2024-01-01',
  fin_validite: '2026-10-31',
  commune: 'Kati',
});

// Care on 10 November 2026; with the default 15 days, the registry must cover it by 25 November.
describeEachDb('persons not in the registry: requests, emergency admission, regularisation', (kind) => {
  let clock: MovableClock;
  let core: TestCore;
  let admin: Client;
  let accueil: Client;
  let manager: Client;
  let files: ReturnType<typeof tempFolder>;

  const at = (iso: string) => {
    clock.advance((Date.parse(iso) - clock.now().getTime()) / 60_000);
  };
  const importRecords = async (records: ReadonlyArray<Partial<RegistryRecord>>) => {
    const r = await admin.registry.import({
      file: fileRef(core, files.write(`r-${Math.random()}.csv`, registryCsv(records))),
      mode: 'delta',
    });
    if (!r.ok) throw new Error(r.error.message);
  };
  const request = async (over: Record<string, unknown>) => {
    const r = await accueil.registration.request({
      familyName: 'Keita',
      givenNames: 'Oumar',
      sex: 'M',
      birthYear: 1970,
      commune: 'Kati',
      ...over,
    });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const emergency = (recepisse: string, over: Record<string, unknown> = {}) =>
    accueil.reception.admit({
      recepisse,
      type: 'urgence',
      identityDocument: 'aucun',
      identityMatches: null,
      unregisteredReason: 'Accident de la route, inconscient',
      ...over,
    });
  const admittedAndClosed = async (recepisse: string, registrationRequestId: number) => {
    const r = await emergency(recepisse, { registrationRequestId });
    if (!r.ok || r.value.outcome !== 'admitted') throw new Error(JSON.stringify(r));
    const added = await accueil.episodes.addLine({
      episodeId: r.value.episodeId,
      code: 'CS-CUR',
      quantity: 1,
      performedOn: '2026-11-10',
      prescriber: 'Dr Sidibé',
    });
    if (!added.ok) throw new Error(added.error.message);
    const closed = await accueil.episodes.close({
      episodeId: r.value.episodeId,
      endedOn: '2026-11-10',
      diagnosis: 'Polytraumatisme',
      outcome: 'gueri',
    });
    if (!closed.ok) throw new Error(closed.error.message);
    return r.value;
  };
  const novemberClaim = async () => {
    const built = await manager.claims.build({ month: '2026-11' });
    if (!built.ok) throw new Error(built.error.message);
    const claim = await manager.claims.get({ month: '2026-11' });
    if (!claim.ok) throw new Error(claim.error.message);
    return claim.value;
  };
  const REGULARISATION_CHECKS = ['NOT_REGULARISED', 'REGULARISATION_PENDING', 'PATIENT_NOT_ELIGIBLE'];

  beforeEach(async () => {
    clock = movableClock('2026-11-02T08:00:00.000Z');
    core = await openTestCore(kind, { clock });
    admin = clientFor(core, slotAs(['admin']));
    accueil = clientFor(core, slotAs(['accueil'], null, 'aminata'));
    manager = clientFor(core, slotAs(['gestionnaire'], null, 'fatoumata'));
    files = tempFolder();
    await setFacility(core, 'cscom');
    await importList(core, 'tariffs', TEST_TARIFFS);
    await importRecords([expired(OUMAR, 'Keita', 'Oumar', 'M'), expired(MARIAM, 'Sangaré', 'Mariam', 'F')]);
    at('2026-11-10T09:00:00.000Z');
  });
  afterEach(async () => {
    files.cleanup();
    await core.dispose();
  });

  it('records requests with what the registry said, lists them and exports them as CSV', async () => {
    expect(await request({ recepisse: OUMAR, phone: '+223 76 00 00 00' })).toMatchObject({ registryReason: 'EXPIRED' });
    expect(
      await request({
        familyName: 'Coulibaly',
        givenNames: 'Awa',
        sex: 'F',
        birthYear: undefined,
        birthDate: '1991-02-28',
        recepisse: UNKNOWN,
      }),
    ).toMatchObject({
      registryReason: 'NOT_FOUND',
    });
    expect(await request({ familyName: 'Diallo', givenNames: 'Sékou', birthYear: 1955 })).toMatchObject({ registryReason: null });

    const neither = await accueil.registration.request({ familyName: 'Diallo', givenNames: 'Sékou', sex: 'M', commune: 'Kati' });
    expect(neither).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { birthDate: expect.stringContaining('année') } } });
    at('2026-11-12T09:00:00.000Z');
    await importRecords([{ ...expired(MARIAM, 'Sangaré', 'Mariam', 'F'), fin_validite: '2027-10-31' }]);
    const covered = await accueil.registration.request({
      familyName: 'Sangaré',
      givenNames: 'Mariam',
      sex: 'F',
      birthYear: 1970,
      commune: 'Kati',
      recepisse: MARIAM,
    });
    expect(covered).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const listed = await manager.registration.list({ from: '2026-11-01', to: '2026-11-30' });
    expect(
      listed.ok && listed.value.map((r) => [r.familyName, r.requestedOn, r.recepisse, r.registryReason, r.byLogin, r.birthYearOnly]),
    ).toEqual([
      ['Keita', '2026-11-10', OUMAR, 'EXPIRED', 'aminata', true],
      ['Coulibaly', '2026-11-10', UNKNOWN, 'NOT_FOUND', 'aminata', false],
      ['Diallo', '2026-11-10', null, null, 'aminata', true],
    ]);
    expect(await manager.registration.list({ from: '2026-11-11', to: '2026-11-30' })).toEqual({ ok: true, value: [] });

    const file = await manager.registration.export({ from: '2026-11-01', to: '2026-11-30' });
    if (!file.ok) throw new Error(file.error.message);
    expect(file.value.fileName).toBe('demandes-immatriculation-2026-11-01-2026-11-30.csv');
    const lines = Buffer.from(file.value.base64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^N° de demande;Date de la demande;Nom;Prénoms;Sexe;Naissance;Commune;Téléphone;Récépissé présenté;Registre;Agent/,
    );
    expect(lines[1]).toMatch(/;10\/11\/2026;Keita;Oumar;M;vers 1970;Kati;\+223 76 00 00 00;1111234567893;Récépissé expiré;aminata;$/);
    expect(lines[2]).toContain(';28/02/1991;');
    expect(await accueil.registration.export({ from: '2026-11-01', to: '2026-11-30' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('admits in an emergency only deliberately: urgence, a request for this récépissé, a reason', async () => {
    const oumar = await request({ recepisse: OUMAR });
    const unknown = await request({ familyName: 'Coulibaly', recepisse: UNKNOWN });
    expect(await emergency(OUMAR, { registrationRequestId: undefined })).toMatchObject({
      ok: true,
      value: { outcome: 'refused', reasons: ['EXPIRED'] },
    });
    expect(await emergency(OUMAR, { registrationRequestId: oumar.id, type: 'consultation_externe' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { type: expect.stringContaining('urgence') } },
    });
    expect(await emergency(OUMAR, { registrationRequestId: oumar.id, unregisteredReason: '' })).toMatchObject({
      ok: false,
      error: { fields: { unregisteredReason: expect.any(String) } },
    });
    expect(await emergency(OUMAR, { registrationRequestId: unknown.id })).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', message: expect.stringContaining('ne porte pas ce récépissé') },
    });
    expect(await emergency(UNKNOWN, { registrationRequestId: oumar.id })).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', message: expect.stringContaining('ne porte pas ce récépissé') },
    });
    expect(await core.deps.handle.db.selectFrom('episode').select('id').execute()).toEqual([]);

    const admitted = await emergency(OUMAR, { registrationRequestId: oumar.id });
    if (!admitted.ok || admitted.value.outcome !== 'admitted') throw new Error(JSON.stringify(admitted));
    expect(admitted.value.warnings).toContain(
      'Admission en urgence hors registre : à régulariser au plus tard le 25/11/2026 (la personne doit apparaître au registre, éligible ce jour).',
    );
    const episode = await accueil.episodes.get({ id: admitted.value.episodeId });
    expect(episode.ok && episode.value.unregistered).toEqual({
      registrationRequestId: oumar.id,
      reason: 'Accident de la route, inconscient',
      deadline: '2026-11-25',
    });
    expect(episode.ok && episode.value.eligibility).toMatchObject({ eligible: false, reasons: ['EXPIRED'] });
  });

  it('admits a récépissé the registry holds no row for on its request: listed, read, printed, linked and claimed once the registry brings it', async () => {
    const UNKNOWN_TOO = '1111234567898';
    const awa = await admittedAndClosed(
      UNKNOWN,
      (
        await request({
          familyName: 'Coulibaly',
          givenNames: 'Awa',
          sex: 'F',
          birthDate: '1990-03-12',
          birthYear: undefined,
          recepisse: UNKNOWN,
        })
      ).id,
    );
    const issa = await admittedAndClosed(
      UNKNOWN_TOO,
      (await request({ familyName: 'Dembélé', givenNames: 'Issa', recepisse: UNKNOWN_TOO })).id,
    );
    const read = await accueil.episodes.get({ id: awa.episodeId });
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.patient).toEqual({
      personId: null,
      recepisse: UNKNOWN,
      familyName: 'Coulibaly',
      givenNames: 'Awa',
      sex: 'F',
      birthDate: '1990-03-12',
      birthYearOnly: false,
      quality: null,
      holderRecepisse: null,
    });
    expect(read.value.eligibility).toMatchObject({ eligible: false, reasons: ['NOT_FOUND'] });
    expect(read.value.unregistered).toMatchObject({ deadline: '2026-11-25' });
    const listed = await accueil.episodes.list({ from: '2026-11-10', to: '2026-11-10', sort: 'number', desc: false });
    expect(listed.ok && listed.value.rows.map((r) => [r.number, r.patientName, r.recepisse])).toEqual([
      [awa.number, 'COULIBALY Awa', UNKNOWN],
      [issa.number, 'DEMBÉLÉ Issa', UNKNOWN_TOO],
    ]);
    const byName = await accueil.episodes.list({ patient: 'coulibaly' });
    expect(byName.ok && byName.value.rows.map((r) => r.number)).toEqual([awa.number]);
    const slip = await accueil.reception.slip({ episodeId: awa.episodeId });
    expect(slip.ok).toBe(true);
    const control = await manager.abuse.month({ month: '2026-11' });
    expect(control.ok && control.value.agents.map((a) => [a.login, a.admissions])).toEqual([['aminata', 2]]);
    const stats = await manager.statistics.month({ month: '2026-11' });
    expect(stats.ok && stats.value.episodeTypes.find((t) => t.type === 'urgence')?.episodes).toBe(2);

    // The ANAM's file brings Awa on 20 November, eligible on the day of care: the episode gets its person.
    at('2026-11-20T09:00:00.000Z');
    await importRecords([{ ...expired(UNKNOWN, 'Coulibaly', 'Awa', 'F'), fin_validite: '2027-10-31' }]);
    const person = await core.deps.handle.db.selectFrom('person').select('id').where('recepisse', '=', UNKNOWN).executeTakeFirstOrThrow();
    expect(
      await core.deps.handle.db.selectFrom('episode').select(['number', 'person_id', 'person_linked_at']).orderBy('number').execute(),
    ).toEqual([
      { number: awa.number, person_id: person.id, person_linked_at: '2026-11-20T09:00:00.000Z' },
      { number: issa.number, person_id: null, person_linked_at: null },
    ]);
    const linked = await accueil.episodes.get({ id: awa.episodeId });
    expect(linked.ok && [linked.value.patient.personId, linked.value.patient.quality]).toEqual([person.id, 'titulaire']);
    const requests = await manager.registration.list({ from: '2026-11-10', to: '2026-11-10' });
    expect(requests.ok && requests.value.flatMap((r) => r.episodes.map((e) => [e.number, e.regularisation]))).toEqual([
      [awa.number, 'Régularisée : la personne est au registre depuis le 20/11/2026, éligible le jour des soins.'],
      [
        issa.number,
        'En attente de régularisation : la personne doit apparaître au registre, éligible le jour des soins, au plus tard le 25/11/2026.',
      ],
    ]);

    // December: Awa is claimed; Issa, never brought by the registry, is left out by itself.
    at('2026-12-02T09:30:00.000Z');
    const claim = await novemberClaim();
    expect(claim.document.episodes.map((e) => [e.number, e.patientName, e.excluded === null])).toEqual([
      [awa.number, 'COULIBALY Awa', true],
      [issa.number, 'DEMBÉLÉ Issa', false],
    ]);
    expect(claim.flags.filter((f) => REGULARISATION_CHECKS.includes(f.code)).map((f) => [f.code, f.episodeId, f.resolved])).toEqual([
      ['NOT_REGULARISED', issa.episodeId, true],
    ]);
    expect(claim.exclusions.map((x) => [x.episodeId, x.automatic])).toEqual([[issa.episodeId, true]]);
    expect(claim.blocking).toBe(0);
  });

  it('claims an episode regularised in time, and leaves out by itself one regularised too late, until it is regularised', async () => {
    const oumar = await admittedAndClosed(OUMAR, (await request({ recepisse: OUMAR })).id);
    const mariam = await admittedAndClosed(
      MARIAM,
      (await request({ familyName: 'Sangaré', givenNames: 'Mariam', sex: 'F', recepisse: MARIAM })).id,
    );
    at('2026-11-20T09:00:00.000Z');
    await importRecords([{ ...expired(OUMAR, 'Keita', 'Oumar', 'M'), fin_validite: '2027-10-31' }]);
    at('2026-11-26T09:00:00.000Z');
    // Renewed, but from 1 December only: it does not cover the day of care.
    await importRecords([{ ...expired(MARIAM, 'Sangaré', 'Mariam', 'F'), debut_validite: '2026-12-01', fin_validite: '2027-11-30' }]);
    const listed = await manager.registration.list({ from: '2026-11-10', to: '2026-11-10' });
    expect(listed.ok && listed.value.map((r) => r.episodes.map((e) => [e.number, e.regularisation]))).toEqual([
      [[oumar.number, 'Régularisée : la personne est au registre depuis le 20/11/2026, éligible le jour des soins.']],
      [[mariam.number, 'Non régularisée : la personne n’est pas apparue au registre, éligible le jour des soins, avant le 25/11/2026.']],
    ]);
    at('2026-11-30T09:00:00.000Z');
    await importRecords([{ ...expired(MARIAM, 'Sangaré', 'Mariam', 'F'), fin_validite: '2027-11-30' }]);

    at('2026-12-02T09:30:00.000Z');
    const claim = await novemberClaim();
    const message =
      'SANGARÉ Mariam, admis en urgence hors registre le 10/11/2026, n’est pas apparu au registre, éligible ce jour-là, au plus tard le 25/11/2026 : épisode à laisser hors de la réclamation tant qu’il n’est pas régularisé.';
    const flags = claim.flags.filter((f) => REGULARISATION_CHECKS.includes(f.code));
    expect(flags.map((f) => [f.code, f.episodeId, f.severity, f.resolved])).toEqual([
      ['NOT_REGULARISED', mariam.episodeId, 'bloquant', true],
    ]);
    expect(flags[0]!.message).toBe(message);
    // Left out by the build itself, with the check's message: the claim can be signed.
    expect(claim.exclusions.map((x) => [x.episodeId, x.lineKey, x.reason, x.by, x.automatic])).toEqual([
      [mariam.episodeId, null, message, 'fatoumata', true],
    ]);
    expect(claim.document.episodes.map((e) => [e.number, e.excluded])).toEqual([
      [oumar.number, null],
      [mariam.number, message],
    ]);
    expect(claim.blocking).toBe(0);
    expect(claim.summary.total).toBe(claim.document.episodes.find((e) => e.number === oumar.number)!.total);
    // Building again changes nothing: one exclusion, not a second.
    expect((await novemberClaim()).exclusions).toHaveLength(1);
    const signed = await manager.claims.sign({ month: '2026-11', sha256: claim.sha256 });
    expect(signed.ok).toBe(true);

    // A longer delay set by the facility: recorded on 30 November, within 30 days of care. The
    // episode comes back in a new version of the month's claim; the exclusion stays recorded, cancelled.
    expect((await admin.settings.set({ key: 'reception.regularisationDays', value: '30' })).ok).toBe(true);
    const again = await novemberClaim();
    expect(again.summary.version).toBe(2);
    expect(again.flags.filter((f) => REGULARISATION_CHECKS.includes(f.code))).toEqual([]);
    expect(again.exclusions).toEqual([]);
    expect(again.document.episodes.map((e) => [e.number, e.excluded])).toEqual([
      [oumar.number, null],
      [mariam.number, null],
    ]);
  });

  it('keeps an episode pending regularisation in the claim with a warning until the deadline, then leaves it out', async () => {
    expect((await admin.settings.set({ key: 'reception.regularisationDays', value: '30' })).ok).toBe(true);
    const oumar = await admittedAndClosed(OUMAR, (await request({ recepisse: OUMAR })).id);
    // Care on 10 November, 30 days: the registry has until 10 December.
    at('2026-12-02T09:30:00.000Z');
    const pending = await novemberClaim();
    expect(
      pending.flags.filter((f) => REGULARISATION_CHECKS.includes(f.code)).map((f) => [f.code, f.severity, f.resolved, f.message]),
    ).toEqual([
      [
        'REGULARISATION_PENDING',
        'avertissement',
        false,
        'KEITA Oumar, admis en urgence hors registre le 10/11/2026, doit apparaître au registre, éligible ce jour-là, au plus tard le 10/12/2026 : soins en attente de régularisation.',
      ],
    ]);
    expect(pending.exclusions).toEqual([]);
    expect(pending.document.episodes.map((e) => [e.number, e.excluded])).toEqual([[oumar.number, null]]);

    at('2026-12-10T09:30:00.000Z');
    expect((await novemberClaim()).exclusions).toEqual([]);
    at('2026-12-11T09:30:00.000Z');
    const lapsed = await novemberClaim();
    expect(lapsed.flags.filter((f) => REGULARISATION_CHECKS.includes(f.code)).map((f) => [f.code, f.resolved])).toEqual([
      ['NOT_REGULARISED', true],
    ]);
    expect(lapsed.exclusions.map((x) => [x.episodeId, x.automatic])).toEqual([[oumar.episodeId, true]]);

    // The check set to a warning by the facility: nothing is left out by itself any more.
    expect((await admin.settings.set({ key: 'claims.check.NOT_REGULARISED', value: 'avertissement' })).ok).toBe(true);
    const kept = await novemberClaim();
    expect(kept.exclusions).toEqual([]);
    expect(kept.document.episodes.map((e) => e.excluded)).toEqual([null]);
  });
});
