import { afterEach, beforeEach, expect, it } from 'vitest';
import { outboxStatus } from '../../electron/core/outbox/status';
import { actingAs } from '../../electron/core/service-context';
import { sendDue } from '../../electron/core/outbox/send';
import type { Client } from '../../shared/contract/client';
import { startAnamReceiver } from '../support/anam-receiver';
import { anamResponse, registerFile, responseBundle, sentClaims, signMonth, type SentClaim } from '../support/claim-responses';
import { closedEpisode } from '../support/claims';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { r4BundleErrors } from '../support/fhir-r4';
import { manualClock, pointAt, testWorker } from '../support/outbox';
import { insertPersons, somePerson } from '../support/persons';
import { importList, setFacility, TEST_TARIFFS } from '../support/reference';

const MONTH = '2026-11';
const IDEMPOTENCY = 'https://ramed.anam.ml/fhir/sid/cle-idempotence';

describeEachDb('resubmitting what the ANAM rejected', (kind) => {
  let core: TestCore;
  let manager: Client;
  let episodes: number[];
  const clock = manualClock('2026-12-02T09:30:00.000Z');

  beforeEach(async () => {
    core = await openTestCore(kind, { clock });
    await setFacility(core, 'cscom');
    await importList(core, 'tariffs', TEST_TARIFFS);
    const persons = await insertPersons(core.deps.handle.db, [
      somePerson(1, 'Traoré', 'Awa'),
      somePerson(2, 'Coulibaly', 'Moussa'),
      somePerson(3),
    ]);
    episodes = [
      await closedEpisode(core, persons[0]!, [{ code: 'CS-CUR' }, { code: 'LB-GE' }]),
      await closedEpisode(core, persons[1]!, [{ code: 'CS-CUR' }], '2026-11-12'),
      await closedEpisode(core, persons[2]!, [{ code: 'LB-GE' }], '2026-11-13'),
    ];
    manager = clientFor(core, slotAs(['gestionnaire'], null, 'fatoumata'));
  });
  afterEach(async () => core.dispose());

  const ok = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  const answer = async (responses: unknown[]) =>
    ok(await manager.claims.importResponse({ file: registerFile(core, responseBundle(responses)) }));

  /** What a manager does to correct a line on a closed episode: reopen, cancel the wrong line, key the right one, close. */
  async function correct(episodeId: number, wrongCode: string, rightCode: string) {
    const endedOn = ok(await manager.episodes.get({ id: episodeId })).endedOn!;
    ok(await manager.episodes.reopen({ episodeId, reason: 'Ligne rejetée par l’ANAM' }));
    const view = ok(await manager.episodes.get({ id: episodeId }));
    const wrong = view.lines.find((l) => l.code === wrongCode && l.state === 'active')!;
    ok(await manager.episodes.cancelLine({ episodeId, lineId: wrong.id, reason: 'Rejet ANAM : acte erroné' }));
    ok(
      await manager.episodes.addLine({
        episodeId,
        code: rightCode,
        quantity: 1,
        performedOn: view.openedAt.slice(0, 10),
        prescriber: 'Dr Sidibé',
      }),
    );
    ok(await manager.episodes.close({ episodeId, endedOn, diagnosis: 'Paludisme simple', outcome: 'gueri' }));
  }

  it('claims again only the corrected lines, in a new version pointing at the original, and chains', async () => {
    const v1 = await signMonth(manager, MONTH);
    const sent = await sentClaims(core.deps.handle.db, v1.id);
    const rejectLast = (s: SentClaim) =>
      anamResponse(s, (seq) => (seq === s.items.length ? { reject: 'NOT_IN_TARIFF', text: 'Acte hors nomenclature' } : 'ok'));
    await answer([rejectLast(sent[0]!), anamResponse(sent[1]!), rejectLast(sent[2]!)]);

    // Nothing corrected yet: the preview says what to do, and nothing can be signed.
    const before = ok(await manager.claims.previewResubmission({ month: MONTH, version: 1 }));
    expect(before).toMatchObject({ version: 2, draft: null });
    expect(before.episodes.map((e) => [e.number, e.state, e.rejected.map((r) => r.code)])).toEqual([
      [sent[0]!.episode, 'a_corriger', ['LB-GE']],
      [sent[2]!.episode, 'a_corriger', ['LB-GE']],
    ]);
    expect(await manager.claims.resubmit({ month: MONTH, version: 1, sha256: '0'.repeat(64) })).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', message: expect.stringContaining('Aucune ligne corrigée à resoumettre') },
    });

    // The first episode is corrected; the month's claim itself is with the ANAM and can no longer be replaced.
    await correct(episodes[0]!, 'LB-GE', 'HO-OBS');
    expect(await manager.claims.build({ month: MONTH })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('préparez une resoumission') },
    });
    const preview = ok(await manager.claims.previewResubmission({ month: MONTH, version: 1 }));
    expect(preview.episodes.map((e) => [e.state, e.corrected])).toEqual([
      ['corrige', 1],
      ['a_corriger', 0],
    ]);
    expect(preview.draft!.document.episodes.map((e) => [e.number, e.lines.map((l) => l.code), e.total])).toEqual([
      [sent[0]!.episode, ['HO-OBS'], 1000],
    ]);
    expect(preview.draft!.document.resubmits).toEqual({ version: 1, sha256: v1.sha256 });

    const v2 = ok(await manager.claims.resubmit({ month: MONTH, version: 1, sha256: preview.draft!.sha256 }));
    expect(v2).toMatchObject({
      version: 2,
      status: 'signee',
      resubmitsId: v1.id,
      previousId: null,
      episodes: 1,
      total: 1000,
      sha256: preview.draft!.sha256,
    });
    // Queued like any claim, its Claim pointing at the original one; valid FHIR R4.
    const [claim2] = await sentClaims(core.deps.handle.db, v2.id);
    expect(claim2!.items.map((i) => i.amount)).toEqual([1000]);
    const fhir = ok(await manager.claims.export({ month: MONTH, version: 2, format: 'fhir' }));
    const bundle = JSON.parse(Buffer.from(fhir.base64, 'base64').toString('utf8')) as {
      entry: Array<{
        resource: {
          related: Array<{ claim: { identifier: { system: string; value: string } }; relationship: { coding: Array<{ code: string }> } }>;
        };
      }>;
    };
    expect(bundle.entry[0]!.resource.related).toEqual([
      {
        claim: { identifier: { system: IDEMPOTENCY, value: sent[0]!.key } },
        relationship: { coding: [expect.objectContaining({ code: 'prior' })] },
      },
    ]);
    expect(r4BundleErrors(bundle)).toEqual([]);

    // The original stays as signed; the month's claim is still version 1; version 2 is reached by its number.
    expect(ok(await manager.claims.get({ month: MONTH })).summary).toMatchObject({ version: 1, sha256: v1.sha256 });
    expect(ok(await manager.claims.get({ month: MONTH, version: 2 })).document.total).toBe(1000);
    const original = ok(await manager.claims.followUp({ month: MONTH, version: 1 }));
    expect(original.lines.filter((l) => l.state === 'rejetee').map((l) => [l.episodeNumber, l.resubmittedIn])).toEqual([
      [sent[0]!.episode, 2],
      [sent[2]!.episode, null],
    ]);
    expect(original.resubmissions).toEqual([{ version: 2, status: 'signee' }]);
    expect(original.rejectedToResubmit).toBe(1);
    const next = ok(await manager.claims.previewResubmission({ month: MONTH, version: 1 }));
    expect(next.episodes.map((e) => e.number)).toEqual([sent[2]!.episode]);

    // The ANAM rejects the correction too; corrected again, it goes in a resubmission of the resubmission.
    await answer([anamResponse(claim2!, () => ({ reject: 'DUREE', text: 'Observation non justifiée' }))]);
    await correct(episodes[0]!, 'HO-OBS', 'LB-GE');
    const again = ok(await manager.claims.previewResubmission({ month: MONTH, version: 2 }));
    expect(again.draft!.document.episodes.map((e) => e.lines.map((l) => l.code))).toEqual([['LB-GE']]);
    const v3 = ok(await manager.claims.resubmit({ month: MONTH, version: 2, sha256: again.draft!.sha256 }));
    expect(v3).toMatchObject({ version: 3, resubmitsId: v2.id });
    const [claim3] = await sentClaims(core.deps.handle.db, v3.id);
    const body = JSON.parse(
      (await core.deps.handle.db.selectFrom('outbox_message').select('body').where('id', '=', claim3!.id).executeTakeFirstOrThrow()).body,
    ) as { entry: Array<{ resource: { related: Array<{ claim: { identifier: { value: string } } }> } }> };
    expect(body.entry[0]!.resource.related[0]!.claim.identifier.value).toBe(claim2!.key);

    const list = ok(await manager.claims.list({}));
    expect(list.map((c) => [c.version, c.status, c.followUp?.resubmitsVersion ?? null])).toEqual([
      [3, 'signee', 2],
      [2, 'rejetee', 1],
      [1, 'partiellement_rejetee', null],
    ]);
  });

  it('lets only one of two managers resubmit the same correction', async () => {
    const v1 = await signMonth(manager, MONTH);
    const sent = await sentClaims(core.deps.handle.db, v1.id);
    await answer([anamResponse(sent[0]!, (seq) => (seq === 2 ? { reject: 'X', text: 'Non' } : 'ok'))]);
    await correct(episodes[0]!, 'LB-GE', 'HO-OBS');
    const { draft } = ok(await manager.claims.previewResubmission({ month: MONTH, version: 1 }));
    const other = clientFor(core, slotAs(['gestionnaire'], null, 'ibrahim'));
    const results = await Promise.all(
      [manager, other, manager].map((c) => c.claims.resubmit({ month: MONTH, version: 1, sha256: draft!.sha256 })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await core.deps.handle.db.selectFrom('claim').select('version').where('resubmits_id', 'is not', null).execute()).toEqual([
      { version: 2 },
    ]);
  });

  it('supersedes an older version’s unsent Claims when a newer version is signed; never once one has left', async () => {
    await signMonth(manager, MONTH);
    const view = ok(await manager.claims.get({ month: MONTH }));
    ok(
      await manager.claims.exclude({
        month: MONTH,
        episodeId: view.document.episodes[2]!.episodeId,
        reason: 'Patient venu pour un certificat',
      }),
    );
    const v2 = await signMonth(manager, MONTH);
    expect(v2.version).toBe(2);

    const status = await outboxStatus(actingAs(core.deps, 'test'));
    expect(status).toMatchObject({ pending: 2, superseded: 3, failed: 0 });
    const old = status.messages.filter((m) => m.claim.startsWith(`${MONTH} v1 `));
    expect(
      old.every(
        (m) =>
          m.status === 'echec' &&
          m.supersededByVersion === 2 &&
          m.lastError === 'Remplacée par la version 2 signée le 02/12/2026 : non envoyée.',
      ),
    ).toBe(true);

    const receiver = await startAnamReceiver({ token: 'jeton' });
    try {
      await pointAt(core.deps, receiver.url, 'jeton');
      expect(await sendDue(testWorker(core.deps, clock, 'poste'))).toMatchObject({ attempted: 2, delivered: 2 });
      expect(receiver.accepted.sort()).toEqual((await sentClaims(core.deps.handle.db, v2.id)).map((s) => s.key).sort());
    } finally {
      await receiver.close();
    }
    const list = ok(await manager.claims.list({}));
    expect(list.map((c) => [c.version, c.status, c.followUp?.supersededByVersion])).toEqual([
      [2, 'acceptee', null],
      [1, 'signee', 2],
    ]);

    // Version 2 is with the ANAM: a change now is refused, and version 1 cannot be paid.
    const again = ok(await manager.claims.get({ month: MONTH })).document.episodes[0]!;
    expect(await manager.claims.exclude({ month: MONTH, episodeId: again.episodeId, reason: 'Essai après envoi' })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringMatching(/^La version 2 de novembre 2026 est déjà partie vers l’ANAM \(le 02\/12\/2026\)/),
      },
    });
    expect(
      await manager.payments.add({
        paidOn: '2026-12-02',
        amount: 500,
        reference: 'VIR-1',
        allocations: [{ month: MONTH, version: 1, amount: 500 }],
      }),
    ).toMatchObject({ ok: false, error: { fields: { 'allocations.0.version': expect.stringContaining('remplacée avant son envoi') } } });
  });

  it('counts an export for a USB key as having left: no newer full version after it', async () => {
    await signMonth(manager, MONTH);
    const folder = registerFile(core, '{}', 'x.json');
    const dir = core.deps.files.resolve(folder).path.replace(/\/x\.json$/, '');
    const exported = ok(await manager.outbox.export({ folder: dir }));
    expect(exported.files).toBe(3);
    const line = ok(await manager.claims.get({ month: MONTH })).document.episodes[0]!;
    expect(await manager.claims.exclude({ month: MONTH, episodeId: line.episodeId, reason: 'Trop tard' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});
