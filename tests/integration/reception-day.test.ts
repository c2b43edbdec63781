import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/app';
import { createUser } from '../../electron/core/auth/users';
import { actingAs } from '../../electron/core/service-context';
import { fixedClock } from '../../electron/core/clock';
import { silentLogger } from '../../electron/core/logger';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { insertPersons } from '../support/persons';
import { setFacility } from '../support/reference';

const HOLDER = '1111234567890';
const EXPIRED = '1111234567891';
const UNKNOWN = '9999999999999';

describeEachDb('the desk’s day', (kind) => {
  let core: TestCore;
  let yesterday: Core;

  beforeEach(async () => {
    core = await openTestCore(kind);
    await setFacility(core, 'cscom');
    const db = core.deps.handle.db;
    await insertPersons(db, [
      { recepisse: HOLDER, family_name: 'Traoré', given_names: 'Aïssata' },
      { recepisse: EXPIRED, family_name: 'Coulibaly', given_names: 'Moussa', sex: 'M' },
    ]);
    await db.updateTable('person').set({ valid_to: '2026-10-31' }).where('recepisse', '=', EXPIRED).execute();
    await createUser(actingAs(core.deps, 'admin'), {
      login: 'aminata',
      fullName: 'Aminata Traoré',
      roles: ['accueil'],
      password: 'mot-de-passe-de-test',
      mustChangePassword: false,
    });
    yesterday = await openCore({ db: core.target, clock: fixedClock('2026-11-15T16:00:00.000Z'), log: silentLogger });
  });
  afterEach(async () => {
    await yesterday.close();
    await core.dispose();
  });

  it('lists the day’s checks and admissions, newest first, with reasons, episode, agent and counts', async () => {
    const aminata = clientFor(core, slotAs(['accueil'], null, 'aminata'));
    const mariam = clientFor(core, slotAs(['accueil'], null, 'mariam'));
    await clientFor(yesterday, slotAs(['accueil'], null, 'aminata')).reception.check({ recepisse: HOLDER });
    await aminata.reception.check({ recepisse: HOLDER });
    const admitted = await aminata.reception.admit({
      recepisse: HOLDER,
      type: 'maternite',
      identityDocument: 'carte_biometrique',
      identityNumber: 'CB-778',
      identityMatches: true,
    });
    await mariam.reception.check({ recepisse: EXPIRED });
    await mariam.reception.check({ recepisse: UNKNOWN });

    const day = await clientFor(core, slotAs(['gestionnaire'])).reception.day({});
    if (!day.ok) throw new Error(day.error.message);
    expect(day.value.day).toBe('2026-11-16');
    expect(day.value.counts).toEqual({ checked: 3, eligible: 1, refused: 2, admitted: 1 });
    const rows = day.value.rows.map((r) => ({
      kind: r.kind,
      outcome: r.outcome,
      recepisse: r.recepisse,
      patient: r.patient,
      reasons: r.reasons,
      identityDocument: r.identityDocument,
      episodeNumber: r.episodeNumber,
      agent: r.agent,
      agentName: r.agentName,
    }));
    // The test clock stands still: same time, so the newest recorded comes first.
    expect(rows).toEqual([
      {
        kind: 'verification',
        outcome: 'non_eligible',
        recepisse: UNKNOWN,
        patient: null,
        reasons: ['NOT_FOUND'],
        identityDocument: null,
        episodeNumber: null,
        agent: 'mariam',
        agentName: null,
      },
      {
        kind: 'verification',
        outcome: 'non_eligible',
        recepisse: EXPIRED,
        patient: 'COULIBALY Moussa',
        reasons: ['EXPIRED'],
        identityDocument: null,
        episodeNumber: null,
        agent: 'mariam',
        agentName: null,
      },
      {
        kind: 'admission',
        outcome: 'admis',
        recepisse: HOLDER,
        patient: 'TRAORÉ Aïssata',
        reasons: [],
        identityDocument: 'carte_biometrique',
        episodeNumber: admitted.ok && admitted.value.outcome === 'admitted' ? admitted.value.number : 'absent',
        agent: 'aminata',
        agentName: 'Aminata Traoré',
      },
      {
        kind: 'verification',
        outcome: 'eligible',
        recepisse: HOLDER,
        patient: 'TRAORÉ Aïssata',
        reasons: [],
        identityDocument: null,
        episodeNumber: null,
        agent: 'aminata',
        agentName: 'Aminata Traoré',
      },
    ]);
    expect(day.value.rows[2]).toMatchObject({ identityMatches: true, at: '2026-11-16T09:30:00.000Z' });

    const before = await clientFor(core, slotAs(['accueil'])).reception.day({ day: '2026-11-15' });
    expect(before).toMatchObject({ ok: true, value: { counts: { checked: 1, eligible: 1, refused: 0, admitted: 0 } } });
    expect(await clientFor(core, slotAs(['accueil'])).reception.day({ day: '2026-11-17' })).toMatchObject({
      ok: true,
      value: { rows: [], counts: { checked: 0, eligible: 0, refused: 0, admitted: 0 } },
    });
  });

  it('refuses a badly written day with a French message', async () => {
    const result = await clientFor(core, slotAs(['accueil'])).reception.day({ day: '16/11/2026' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { day: expect.stringMatching(/AAAA-MM-JJ/) } } });
  });
});
