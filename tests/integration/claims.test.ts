import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Client } from '../../shared/contract/client';
import { canonicalJson } from '../../shared/lib/canonical-json';
import type { ClaimDocument } from '../../shared/domain/claims';
import { createHash } from 'node:crypto';
import { closedEpisode, novemberEnded } from '../support/claims';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { openEpisode } from '../support/episodes';
import { insertPersons, somePerson } from '../support/persons';
import { importList, setFacility, TEST_TARIFFS } from '../support/reference';

const MONTH = '2026-11';

describeEachDb('monthly claims', (kind) => {
  let core: TestCore;
  let manager: Client;
  let persons: number[];

  beforeEach(async () => {
    core = await openTestCore(kind, { clock: novemberEnded() });
    await setFacility(core, 'cscom');
    await importList(core, 'tariffs', TEST_TARIFFS);
    persons = await insertPersons(core.deps.handle.db, [
      somePerson(1, 'Traoré', 'Awa'),
      somePerson(2, 'Coulibaly', 'Moussa'),
      somePerson(3, 'Diarra', 'Fanta'),
    ]);
    manager = clientFor(core, slotAs(['gestionnaire'], null, 'fatoumata'));
  });
  afterEach(async () => core.dispose());

  const view = async (version?: number) => {
    const r = await manager.claims.get({ month: MONTH, version });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const build = async () => {
    const r = await manager.claims.build({ month: MONTH });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  it('gathers the closed episodes of the month, priced, lists the open ones as missing, and rebuilds idempotently', async () => {
    const a = await closedEpisode(core, persons[0]!, [{ code: 'CS-CUR' }, { code: 'LB-GE', quantity: 2 }]);
    await closedEpisode(core, persons[1]!, [{ code: 'CS-CUR' }], '2026-11-12');
    await closedEpisode(core, persons[2]!, [{ code: 'CS-CUR' }], '2026-10-20');
    const open = await openEpisode(core, persons[2]!, '2026-11-14T08:00:00.000Z');

    // October's episode, closed late, goes to October's claim once built, never to November's too.
    const october = await manager.claims.build({ month: '2026-10' });
    expect(october).toMatchObject({ ok: true, value: { episodes: 1, total: 500 } });
    const first = await build();
    expect(first).toMatchObject({ month: MONTH, version: 1, status: 'brouillon', episodes: 2, total: 500 + 1000 + 500 });
    const claim = await view();
    expect(claim.document.totals).toMatchObject({ consultation: 1000, laboratoire: 1000, medicaments: 0 });
    expect(claim.document.episodes.find((e) => e.episodeId === a)!.lines.map((l) => [l.code, l.quantity, l.amount])).toEqual([
      ['CS-CUR', 1, 500],
      ['LB-GE', 2, 1000],
    ]);
    expect(claim.missing.map((m) => m.episodeId)).toEqual([open.id]);
    expect(claim.flags).toEqual([]);

    const again = await build();
    expect(again).toMatchObject({ id: first.id, version: 1, episodes: 2, total: 2000 });
    expect((await view()).sha256).toBe(claim.sha256);
  });

  it('flags a check on the line, blocks sign-off until the manager excludes it, and audits the exclusion', async () => {
    const clean = await closedEpisode(core, persons[0]!, [{ code: 'CS-CUR' }]);
    const noId = await closedEpisode(core, persons[1]!, [{ code: 'CS-CUR' }, { code: 'CS-CUR' }], '2026-11-10', {
      identityDocument: 'aucun',
      identityNumber: undefined,
      identityMatches: null,
    });
    await core.deps.handle.db.updateTable('person').set({ status: 'radie' }).where('id', '=', persons[1]!).execute();
    await build();
    const claim = await view();
    expect(claim.flags.map((f) => [f.code, f.episodeId, f.severity])).toEqual([
      ['PATIENT_NOT_ELIGIBLE', noId, 'bloquant'],
      ['IDENTITY_NOT_CHECKED', noId, 'avertissement'],
      ['DUPLICATE_ACT', noId, 'avertissement'],
    ]);
    expect(claim.blocking).toBe(1);
    expect(claim.flags.some((f) => f.episodeId === clean)).toBe(false);

    const refused = await manager.claims.sign({ month: MONTH, sha256: claim.sha256 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'REFUSED', message: expect.stringContaining('1 contrôle(s) bloquant(s)') } });

    const excluded = await manager.claims.exclude({ month: MONTH, episodeId: noId, reason: 'Patient radié du registre' });
    expect(excluded).toMatchObject({ ok: true, value: { blocking: 0, summary: { total: 500, version: 1 } } });
    if (!excluded.ok) return;
    expect(excluded.value.exclusions).toMatchObject([
      { episodeId: noId, lineKey: null, reason: 'Patient radié du registre', by: 'fatoumata' },
    ]);
    const audit = await core.deps.handle.db
      .selectFrom('audit_log')
      .select(['method', 'entity_id'])
      .where('method', '=', 'claims.exclude')
      .execute();
    expect(audit).toEqual([{ method: 'claims.exclude', entity_id: `${MONTH} v1` }]);
    // Putting it back is a new row; the exclusion stays recorded.
    const back = await manager.claims.cancelExclusion({
      month: MONTH,
      exclusionId: excluded.value.exclusions[0]!.id,
      reason: 'Erreur de saisie',
    });
    expect(back).toMatchObject({ ok: true, value: { blocking: 1, exclusions: [] } });
    expect(await core.deps.handle.db.selectFrom('claim_exclusion').select('id').execute()).toHaveLength(2);
  });

  it('re-checks each patient with the desk’s rules as the registry stands: household and age included', async () => {
    const [holder, spouse, child] = await insertPersons(core.deps.handle.db, [
      { ...somePerson(10, 'Keïta', 'Bakary'), sex: 'M' },
      { ...somePerson(11, 'Keïta', 'Oumou'), quality: 'conjoint', holder_recepisse: somePerson(10).recepisse },
      { ...somePerson(12, 'Keïta', 'Seydou'), quality: 'enfant', holder_recepisse: somePerson(10).recepisse, birth_date: '2010-03-02' },
    ]);
    const spouseEpisode = await closedEpisode(core, spouse!, [{ code: 'CS-CUR' }]);
    const childEpisode = await closedEpisode(core, child!, [{ code: 'CS-CUR' }], '2026-11-12');
    // Since the visits: the titulaire was struck off, and the registry says the boy (16) left school.
    await core.deps.handle.db.updateTable('person').set({ status: 'radie' }).where('id', '=', holder!).execute();
    await build();
    const flags = (await view()).flags.filter((f) => f.code === 'PATIENT_NOT_ELIGIBLE');
    expect(flags.map((f) => f.episodeId).sort()).toEqual([spouseEpisode, childEpisode].sort());
    expect(flags.find((f) => f.episodeId === spouseEpisode)!.message).toContain('Le titulaire du foyer n’a pas droit aux soins');
    expect(flags.find((f) => f.episodeId === childEpisode)!.message).toMatch(
      /Le titulaire du foyer n’a pas droit aux soins ; Enfant de 14 à 21 ans non scolarisé/,
    );
  });

  it('freezes the signed version: canonical JSON and its SHA-256; a later change makes version 2 pointing at it', async () => {
    const a = await closedEpisode(core, persons[0]!, [{ code: 'CS-CUR' }]);
    await closedEpisode(core, persons[1]!, [{ code: 'CS-CUR' }, { code: 'LB-GE' }], '2026-11-12');
    await build();
    const draft = await view();
    const stale = await manager.claims.sign({ month: MONTH, sha256: '0'.repeat(64) });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const signed = await manager.claims.sign({ month: MONTH, sha256: draft.sha256 });
    expect(signed).toMatchObject({
      ok: true,
      value: { status: 'signee', version: 1, sha256: draft.sha256, signedBy: 'fatoumata', total: 1500 },
    });
    const row = await core.deps.handle.db.selectFrom('claim').selectAll().where('month', '=', MONTH).executeTakeFirstOrThrow();
    expect(row.content).toBe(canonicalJson(draft.document));
    expect(createHash('sha256').update(row.content!).digest('hex')).toBe(row.sha256);
    expect(await manager.claims.sign({ month: MONTH, sha256: draft.sha256 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // Nothing changed: building again keeps version 1.
    expect(await build()).toMatchObject({ version: 1, status: 'signee' });
    // The registry changed since: the signed content stays as signed.
    await core.deps.handle.db.updateTable('person').set({ status: 'suspendu' }).where('id', '=', persons[0]!).execute();
    expect((await view(1)).document).toEqual(JSON.parse(row.content!) as ClaimDocument);

    // A late episode of the month and the registry change: version 2, pointing at version 1.
    await closedEpisode(core, persons[2]!, [{ code: 'CS-CUR' }], '2026-11-14');
    const v2 = await build();
    expect(v2).toMatchObject({ version: 2, status: 'brouillon', previousId: row.id, episodes: 3 });
    // The episode says which signed versions hold it (the draft is not one): the reopen panel names it.
    const episode = await manager.episodes.get({ id: a });
    expect(episode.ok && episode.value.claimedIn).toEqual([{ month: MONTH, version: 1, status: 'signee' }]);
    const second = await view();
    expect(second.document.previousSha256).toBe(row.sha256);
    expect(second.flags.map((f) => [f.code, f.episodeId])).toEqual([['PATIENT_NOT_ELIGIBLE', a]]);
    expect((await view(1)).summary).toMatchObject({ version: 1, status: 'signee' });
  });

  it('makes version 2 when the manager excludes a line of a signed claim', async () => {
    const a = await closedEpisode(core, persons[0]!, [{ code: 'CS-CUR' }, { code: 'LB-GE' }]);
    await build();
    const signed = await manager.claims.sign({ month: MONTH, sha256: (await view()).sha256 });
    expect(signed.ok).toBe(true);
    const line = (await view()).document.episodes[0]!.lines.find((l) => l.code === 'LB-GE')!;
    const excluded = await manager.claims.exclude({ month: MONTH, episodeId: a, lineKey: line.key, reason: 'Examen non réalisé' });
    expect(excluded).toMatchObject({ ok: true, value: { summary: { version: 2, status: 'brouillon', total: 500 } } });
    expect((await view(1)).summary.total).toBe(1000);
  });

  it('exports only a signed claim: FHIR Bundle, CSV and PDF', async () => {
    await closedEpisode(core, persons[0]!, [{ code: 'CS-CUR' }, { code: 'LB-GE', quantity: 2 }]);
    await build();
    expect(await manager.claims.export({ month: MONTH, format: 'csv' })).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    const sha256 = (await view()).sha256;
    await manager.claims.sign({ month: MONTH, sha256 });

    const csv = await manager.claims.export({ month: MONTH, format: 'csv' });
    if (!csv.ok) throw new Error(csv.error.message);
    const text = Buffer.from(csv.value.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFFMois;Version;N° d’épisode;Récépissé')).toBe(true);
    expect(text.split('\n')[2]).toContain(';LB-GE;Goutte épaisse;Laboratoire;10/11/2026;2;500;1000;RAMED;');
    // The récépissé as printed on it (a spreadsheet keeps it as text).
    expect(text.split('\n')[1]).toMatch(/^2026-11;1;EP-2026-\d{6};1111 0000 00001;/);

    const fhir = await manager.claims.export({ month: MONTH, format: 'fhir' });
    if (!fhir.ok) throw new Error(fhir.error.message);
    const bundle = JSON.parse(Buffer.from(fhir.value.base64, 'base64').toString('utf8'));
    expect(bundle.entry[0].resource).toMatchObject({
      resourceType: 'Claim',
      patient: { identifier: { value: '1111000000001' } },
      total: { value: 1500, currency: 'XOF' },
      item: [
        { sequence: 1, unitPrice: { value: 500, currency: 'XOF' } },
        { sequence: 2, quantity: { value: 2 }, net: { value: 1000 } },
      ],
    });
    expect(bundle.identifier.value).toContain(sha256);

    const pdf = await manager.claims.export({ month: MONTH, format: 'pdf' });
    if (!pdf.ok) throw new Error(pdf.error.message);
    expect(Buffer.from(pdf.value.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('is for the manager only', async () => {
    const desk = clientFor(core, slotAs(['accueil']));
    expect(await desk.claims.build({ month: MONTH })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await manager.claims.build({ month: '2026-13' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
