import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Client } from '../../shared/contract/client';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { novemberEnded } from '../support/claims';
import { insertPersons } from '../support/persons';
import { importList, setFacility, TEST_TARIFFS } from '../support/reference';

// The test clock reads 16 November 2026, 09:30.
describeEachDb('identity checked at admission, and in the claim', (kind) => {
  let core: TestCore;
  let accueil: Client;
  let manager: Client;
  const AWA = '1111234567890';
  const MOUSSA = '1111234567891';
  const FANTA = '1111234567892';

  beforeEach(async () => {
    core = await openTestCore(kind);
    await setFacility(core, 'cscom');
    await importList(core, 'tariffs', TEST_TARIFFS);
    await insertPersons(core.deps.handle.db, [
      { recepisse: AWA, family_name: 'Traoré', given_names: 'Awa' },
      { recepisse: MOUSSA, family_name: 'Coulibaly', given_names: 'Moussa', sex: 'M' },
      { recepisse: FANTA, family_name: 'Diarra', given_names: 'Fanta' },
    ]);
    await core.deps.handle.db.updateTable('person').set({ nina: '15068012345678B' }).where('recepisse', 'in', [AWA, MOUSSA]).execute();
    accueil = clientFor(core, slotAs(['accueil'], null, 'aminata'));
    manager = clientFor(core, slotAs(['gestionnaire'], null, 'fatoumata'));
  });
  afterEach(async () => core.dispose());
  /** November is claimed once it has ended: the manager builds it on 2 December. */
  const claimTime = () => {
    core.deps.clock = novemberEnded();
  };

  const admit = (recepisse: string, over: Record<string, unknown>) =>
    accueil.reception.admit({ recepisse, type: 'consultation_externe', identityDocument: 'cni_nina', identityMatches: true, ...over });
  const admitted = async (recepisse: string, over: Record<string, unknown>) => {
    const r = await admit(recepisse, over);
    if (!r.ok || r.value.outcome !== 'admitted') throw new Error(JSON.stringify(r));
    const added = await accueil.episodes.addLine({
      episodeId: r.value.episodeId,
      code: 'CS-CUR',
      quantity: 1,
      performedOn: '2026-11-16',
      prescriber: 'Dr Sidibé',
    });
    if (!added.ok) throw new Error(added.error.message);
    const closed = await accueil.episodes.close({
      episodeId: r.value.episodeId,
      endedOn: '2026-11-16',
      diagnosis: 'Paludisme',
      outcome: 'gueri',
    });
    if (!closed.ok) throw new Error(closed.error.message);
    return r.value.episodeId;
  };
  const stored = (id: number) =>
    core.deps.handle.db
      .selectFrom('episode')
      .select(['identity_matches', 'identity_mismatch_reason', 'identity_nina_check'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('compares a typed NINA with the registry’s, normalised, and flags a mismatch in the claim', async () => {
    const same = await admitted(AWA, { identityNumber: '1506 8012-345678b' });
    const other = await admitted(MOUSSA, { identityNumber: '15068012345679C' });
    const unknown = await admitted(FANTA, { identityNumber: '15068012345678B' });
    expect(await stored(same)).toEqual({ identity_matches: 1, identity_mismatch_reason: null, identity_nina_check: 'match' });
    expect(await stored(other)).toMatchObject({ identity_nina_check: 'mismatch' });
    expect(await stored(unknown)).toMatchObject({ identity_nina_check: null });

    claimTime();
    expect((await manager.claims.build({ month: '2026-11' })).ok).toBe(true);
    const claim = await manager.claims.get({ month: '2026-11' });
    if (!claim.ok) throw new Error(claim.error.message);
    expect(claim.value.flags.map((f) => [f.code, f.episodeId, f.severity])).toEqual([['IDENTITY_MISMATCH', other, 'bloquant']]);
    expect(claim.value.flags[0]!.message).toBe('Le NINA saisi à l’admission diffère de celui du registre.');
    expect(claim.value.blocking).toBe(1);
    // Excluded with a reason, it no longer blocks.
    const excluded = await manager.claims.exclude({ month: '2026-11', episodeId: other, reason: 'NINA mal recopié, vérifié' });
    expect(excluded).toMatchObject({ ok: true, value: { blocking: 0 } });
  });

  it('« ne correspond pas » needs a reason and a confirmation, and blocks the claim with the reason', async () => {
    const noReason = await admit(AWA, { identityNumber: 'X', identityMatches: false, confirmMismatch: true });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { identityMismatchReason: expect.any(String) } } });
    const unconfirmed = await admit(AWA, { identityNumber: 'X', identityMatches: false, identityMismatchReason: 'Photo ancienne' });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { confirmMismatch: expect.any(String) } } });
    expect(await core.deps.handle.db.selectFrom('episode').select('id').execute()).toEqual([]);

    const id = await admitted(AWA, {
      identityDocument: 'acte_naissance',
      identityNumber: 'AN-1990-12',
      identityMatches: false,
      identityMismatchReason: 'Photo ancienne, visage différent',
      confirmMismatch: true,
    });
    expect(await stored(id)).toEqual({
      identity_matches: 0,
      identity_mismatch_reason: 'Photo ancienne, visage différent',
      identity_nina_check: null,
    });
    claimTime();
    await manager.claims.build({ month: '2026-11' });
    const claim = await manager.claims.get({ month: '2026-11' });
    expect(claim.ok && claim.value.flags.map((f) => [f.code, f.severity, f.message])).toEqual([
      [
        'IDENTITY_MISMATCH',
        'bloquant',
        'La pièce présentée ne correspondait pas à la personne (admis quand même). Motif noté : « Photo ancienne, visage différent ».',
      ],
    ]);
  });
});
