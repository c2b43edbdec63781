import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Client } from '../../shared/contract/client';
import type { ClaimSummary } from '../../shared/domain/claims';
import { anamResponse, registerFile, responseBundle, signedNovember, type SentClaim } from '../support/claim-responses';
import { ramed } from '../support/cli';
import { novemberEnded } from '../support/claims';
import { describeEachDb, openTestCore, type TestCore } from '../support/db';
import { tableCounts } from '../support/snapshot';

const MONTH = '2026-11';

describeEachDb('the ANAM’s response imported from a file', (kind) => {
  let core: TestCore;
  let manager: Client;
  let claim: ClaimSummary;
  let sent: SentClaim[];

  beforeEach(async () => {
    core = await openTestCore(kind, { clock: novemberEnded() });
    ({ manager, claim, sent } = await signedNovember(core));
  });
  afterEach(async () => core.dispose());

  const importJson = (content: unknown, name?: string) => manager.claims.importResponse({ file: registerFile(core, content, name) });
  const followUp = async () => {
    const view = await manager.claims.followUp({ month: MONTH, version: claim.version });
    if (!view.ok) throw new Error(view.error.message);
    return view.value;
  };

  it('applies each line’s decision: accepted, rejected with its reason, adjusted; status and totals follow', async () => {
    expect(sent.map((s) => s.items.map((i) => i.amount))).toEqual([[500, 500], [500, 2000], [500]]);
    const file = responseBundle([
      anamResponse(sent[0]!),
      anamResponse(sent[1]!, (seq) => (seq === 2 ? { adjust: 1000, code: 'DUREE', text: 'Une journée d’observation seulement' } : 'ok')),
      anamResponse(sent[2]!, () => ({ reject: 'NOT_ELIGIBLE', text: 'Récépissé expiré à la date des soins' })),
    ]);
    const report = await importJson(file);
    expect(report).toEqual({
      ok: true,
      value: {
        fileName: 'reponse-anam.json',
        responses: 3,
        applied: 3,
        unchanged: 0,
        errors: 0,
        claims: [
          { month: MONTH, version: 1, status: 'partiellement_rejetee', claimed: 4000, answered: 4000, accepted: 2500, rejected: 1500 },
        ],
      },
    });

    const view = await followUp();
    expect(view.claim).toMatchObject({
      status: 'partiellement_rejetee',
      followUp: { claimed: 4000, accepted: 2500, rejected: 1500, paid: 0, outstanding: 2500 },
    });
    expect(view.lines.map((l) => [l.episodeNumber === sent[2]!.episode, l.code, l.state, l.accepted, l.rejected, l.reasonCode])).toEqual([
      [false, 'CS-CUR', 'acceptee', 500, 0, null],
      [false, 'LB-GE', 'acceptee', 500, 0, null],
      [false, 'CS-CUR', 'acceptee', 500, 0, null],
      [false, 'HO-OBS', 'ajustee', 1000, 1000, 'DUREE'],
      [true, 'LB-GE', 'rejetee', 0, 500, 'NOT_ELIGIBLE'],
    ]);
    expect(view.lines[4]!.reasonText).toBe('Récépissé expiré à la date des soins');
    expect(view.rejectedToResubmit).toBe(1);
    // The answer proves the ANAM holds each Claim: nothing is left to send, and the file is on record with its SHA-256.
    expect(await manager.outbox.summary({})).toMatchObject({ ok: true, value: { pending: 0, delivered: 3 } });
    expect(view.responses).toHaveLength(3);
    expect(
      view.responses.every((r) => r.source === 'fichier' && r.fileName === 'reponse-anam.json' && /^[0-9a-f]{64}$/.test(r.sha256)),
    ).toBe(true);
    // The signed version itself is never touched.
    const row = await core.deps.handle.db
      .selectFrom('claim')
      .select(['content', 'sha256'])
      .where('id', '=', claim.id)
      .executeTakeFirstOrThrow();
    expect(row.sha256).toBe(claim.sha256);
  });

  it('imports the same file twice as once; a different later answer is added and applies', async () => {
    const file = responseBundle(sent.map((s) => anamResponse(s)));
    expect(await importJson(file)).toMatchObject({ ok: true, value: { applied: 3, unchanged: 0, claims: [{ status: 'acceptee' }] } });
    const counts = await tableCounts(core.deps.handle.db);
    expect(await importJson(file)).toMatchObject({ ok: true, value: { applied: 0, unchanged: 3, claims: [{ status: 'acceptee' }] } });
    expect(await tableCounts(core.deps.handle.db)).toEqual(counts);

    // The ANAM reviews one Claim and rejects a line it had accepted.
    const review = anamResponse(sent[0]!, (seq) => (seq === 1 ? { reject: 'DUPLICATE_ACT', text: 'Consultation déjà payée' } : 'ok'));
    expect(await importJson(review, 'revision.json')).toMatchObject({
      ok: true,
      value: { applied: 1, claims: [{ status: 'partiellement_rejetee', accepted: 3500, rejected: 500 }] },
    });
    const view = await followUp();
    expect(view.lines.filter((l) => l.state === 'rejetee').map((l) => l.reasonCode)).toEqual(['DUPLICATE_ACT']);
    expect(view.responses.map((r) => r.fileName)).toEqual(['revision.json', 'reponse-anam.json', 'reponse-anam.json', 'reponse-anam.json']);
  });

  it('finds the Claim by its business identifier too', async () => {
    const response = anamResponse(sent[1]!);
    response.request.identifier = { system: 'https://ramed.anam.ml/fhir/sid/reclamation', value: `T01-${MONTH}-v1-${sent[1]!.episode}` };
    expect(await importJson(response)).toMatchObject({ ok: true, value: { applied: 1, claims: [{ answered: 2500, accepted: 2500 }] } });
  });

  it.each([
    ['broken JSON', '{"resourceType": "ClaimResponse", "item": [', /le fichier n’est pas du JSON valide/],
    [
      'an error of the ANAM instead of answers',
      { resourceType: 'OperationOutcome', issue: [{ diagnostics: 'Lot refusé' }] },
      /OperationOutcome : Lot refusé/,
    ],
    ['an unknown claim', 'unknown', /réponse n° 2 : aucune réclamation envoyée avec la clé inconnue-0001/],
    ['a line left undecided', 'undecided', /réponse n° 1 \(épisode .+\) : ligne 2 sans décision/],
    ['more accepted than claimed', 'over', /ligne 1 : montant accepté 900 FCFA supérieur aux 500 FCFA réclamés/],
    ['another facility', 'facility', /réponse destinée à un autre établissement \(CSREF-KATI\)/],
    ['two different answers for one Claim', 'twice', /deux réponses différentes pour la réclamation de l’épisode/],
  ])('refuses %s in French and changes nothing', async (_name, content, message) => {
    const good = anamResponse(sent[0]!);
    const file =
      content === 'unknown'
        ? responseBundle([
            good,
            { ...anamResponse(sent[1]!), request: { identifier: { system: good.request.identifier.system, value: 'inconnue-0001' } } },
          ])
        : content === 'undecided'
          ? { ...good, item: good.item.slice(0, 1) }
          : content === 'over'
            ? anamResponse(sent[0]!, (seq) => (seq === 1 ? { adjust: 900 } : 'ok'))
            : content === 'facility'
              ? {
                  ...good,
                  request: { identifier: { system: 'https://ramed.anam.ml/fhir/sid/reclamation', value: `CSREF-KATI-${MONTH}-v1-E1` } },
                }
              : content === 'twice'
                ? responseBundle([good, anamResponse(sent[0]!, () => ({ reject: 'X', text: 'Non' }))])
                : content;
    const before = await tableCounts(core.deps.handle.db);
    const result = await importJson(file);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) } });
    if (!result.ok) expect(result.error.message).toMatch(/^Fichier refusé, rien n’a été importé : /);
    expect(await tableCounts(core.deps.handle.db)).toEqual(before);
    expect((await followUp()).claim.status).toBe('signee');
  });

  it('records an answer saying the ANAM could not process a Claim as a failed attempt; the Claim stays to send', async () => {
    const failed = {
      ...anamResponse(sent[0]!),
      outcome: 'error',
      item: [],
      error: [{ code: { coding: [{ code: 'a001' }], text: 'Prestataire non conventionné' } }],
    };
    expect(await importJson(responseBundle([failed, anamResponse(sent[1]!)]))).toMatchObject({
      ok: true,
      value: { applied: 1, errors: 1 },
    });
    const view = await followUp();
    expect(view.attempts).toEqual([
      expect.objectContaining({
        episodeNumber: sent[0]!.episode,
        outcome: 'echec',
        error: 'L’ANAM n’a pas pu traiter la réclamation : Prestataire non conventionné.',
      }),
    ]);
    expect(await manager.outbox.summary({})).toMatchObject({ ok: true, value: { pending: 2, delivered: 1 } });
  });

  it('ramed claims import-response: the report, exit 2 and nothing changed for a bad file', async () => {
    const db = ['--db', core.target];
    const dir = registerFile(core, responseBundle(sent.map((s) => anamResponse(s))), 'reponses.json');
    const path = core.deps.files.resolve(dir).path;
    const ok = await ramed('claims', 'import-response', path, ...db);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.stdout).toContain('reponses.json : 3 réponse(s), 3 enregistrée(s), 0 déjà connue(s).');
    expect(ok.stdout).toContain('novembre 2026 v1 – Acceptée : réclamé 4 000 FCFA, accepté 4 000 FCFA, rejeté 0 FCFA');
    const bad = core.deps.files.resolve(registerFile(core, '{"resourceType":', 'tronque.json')).path;
    expect(await ramed('claims', 'import-response', bad, '--json', ...db)).toMatchObject({
      code: 2,
      json: { error: { code: 'INVALID_INPUT', message: expect.stringContaining('pas du JSON valide') } },
    });
  });
});
