import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Client } from '../../shared/contract/client';
import { registerFile } from '../support/claim-responses';
import { closedEpisode } from '../support/claims';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { openEpisode } from '../support/episodes';
import { manualClock } from '../support/outbox';
import { insertPersons, somePerson } from '../support/persons';
import { importList, setFacility, TEST_TARIFFS } from '../support/reference';

describeEachDb('the claim period and late closings', (kind) => {
  let core: TestCore;
  let manager: Client;
  let desk: Client;
  let persons: number[];
  let clock: ReturnType<typeof manualClock>;
  const at = (iso: string) => clock.advance(Date.parse(iso) - clock.now().getTime());

  beforeEach(async () => {
    clock = manualClock('2026-12-06T10:00:00.000Z');
    core = await openTestCore(kind, { clock });
    await setFacility(core, 'cscom');
    await importList(core, 'tariffs', TEST_TARIFFS);
    persons = await insertPersons(core.deps.handle.db, [
      somePerson(1, 'Traoré', 'Awa'),
      somePerson(2, 'Coulibaly', 'Moussa'),
      somePerson(3),
    ]);
    manager = clientFor(core, slotAs(['gestionnaire'], null, 'fatoumata'));
    desk = clientFor(core, slotAs(['accueil'], null, 'aminata'));
  });
  afterEach(async () => core.dispose());

  const ok = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  const close = async (episodeId: number, endedOn: string) =>
    ok(await desk.episodes.close({ episodeId, endedOn, diagnosis: 'Paludisme simple', outcome: 'gueri' }));

  it('builds a month once it has ended, from its last day with a reason; never a running or future month; never signs an empty one', async () => {
    await closedEpisode(core, persons[0]!, [{ code: 'CS-CUR' }], '2026-12-05');

    // 6 December: December is running, January has not begun.
    expect(await manager.claims.build({ month: '2026-12' })).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', message: expect.stringMatching(/^Décembre 2026 n’est pas terminé.*01\/01\/2027/) },
    });
    expect(await manager.claims.build({ month: '2027-01' })).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', message: 'Janvier 2027 n’a pas commencé : sa réclamation ne peut pas être construite.' },
    });
    expect(await manager.claims.build({ month: '2026-12', earlyReason: 'Départ en congé' })).toMatchObject({ ok: false });
    expect(await core.deps.handle.db.selectFrom('claim').select('id').execute()).toEqual([]);

    // November has ended but holds nothing: built, shown as empty, not signable.
    const november = ok(await manager.claims.build({ month: '2026-11' }));
    expect(november).toMatchObject({ episodes: 0, earlyReason: null });
    const empty = ok(await manager.claims.get({ month: '2026-11' }));
    expect(empty.checklist).toMatchObject({ period: 'termine', openEpisodes: 0, lateClosures: 0, unresolvedChecks: 0 });
    expect(empty.checklist.periodRefusal).toMatch(/aucun épisode : une réclamation vide ne se signe pas/);
    expect(await manager.claims.sign({ month: '2026-11', sha256: empty.sha256 })).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', message: expect.stringContaining('vide ne se signe pas') },
    });

    // 31 December, its last day: built only with a reason, which is kept and lets it be signed that day.
    at('2026-12-31T09:00:00.000Z');
    expect(await manager.claims.build({ month: '2026-12' })).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', message: expect.stringContaining('indiquez le motif') },
    });
    const early = ok(await manager.claims.build({ month: '2026-12', earlyReason: 'Clôture de l’exercice' }));
    expect(early).toMatchObject({ episodes: 1, earlyReason: 'Clôture de l’exercice' });
    const view = ok(await manager.claims.get({ month: '2026-12' }));
    expect(view.checklist).toMatchObject({ period: 'dernier_jour', periodRefusal: null });
    expect(await manager.claims.sign({ month: '2026-12', sha256: view.sha256 })).toMatchObject({ ok: true, value: { status: 'signee' } });
    const audit = await core.deps.handle.db
      .selectFrom('audit_log')
      .select('summary')
      .where('method', '=', 'claims.build')
      .where('outcome', '=', 'ok')
      .execute();
    expect(audit.map((a) => a.summary).join('\n')).toContain('Clôture de l’exercice');
  });

  it('puts an episode closed after its month’s claim left into the next claim, marked « clôture tardive », never lost', async () => {
    await closedEpisode(core, persons[0]!, [{ code: 'CS-CUR' }], '2026-12-05');
    const lateOne = (await openEpisode(core, persons[1]!, '2026-12-30T08:00:00.000Z')).id;
    // November's month is never signed: an episode of November closed late waits for November.
    const ofNovember = (await openEpisode(core, persons[2]!, '2026-11-20T08:00:00.000Z')).id;

    at('2026-12-31T09:00:00.000Z');
    ok(await manager.claims.build({ month: '2026-12', earlyReason: 'Clôture de l’exercice' }));
    const december = ok(await manager.claims.get({ month: '2026-12' }));
    expect(december.checklist).toMatchObject({ openEpisodes: 2, lateClosures: 0 });
    ok(await manager.claims.sign({ month: '2026-12', sha256: december.sha256 }));
    // December leaves for the ANAM on a USB key.
    const folder = core.deps.files.resolve(registerFile(core, '{}', 'x.json')).path.replace(/\/x\.json$/, '');
    expect(ok(await manager.outbox.export({ folder })).files).toBe(1);

    // Later that day the desk closes the stay of 30-31 December, and November's episode.
    at('2026-12-31T17:00:00.000Z');
    await close(lateOne, '2026-12-31');
    await close(ofNovember, '2026-11-21');

    // 1 January: December cannot change any more: building it again keeps version 1, without
    // refusing. January is running: its claim waits for its end.
    at('2027-01-01T08:00:00.000Z');
    expect(ok(await manager.claims.build({ month: '2026-12' }))).toMatchObject({ version: 1, status: 'signee', episodes: 1 });
    expect(await manager.claims.build({ month: '2027-01' })).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    // 1 February: January's claim takes the late episode of December, marked; not November's.
    at('2027-02-01T08:00:00.000Z');
    const january = ok(await manager.claims.build({ month: '2027-01' }));
    expect(january).toMatchObject({ episodes: 1, total: 0 });
    const jan = ok(await manager.claims.get({ month: '2027-01' }));
    expect(jan.document.episodes.map((e) => [e.episodeId, e.lateClosure])).toEqual([[lateOne, '2026-12']]);
    expect(jan.checklist).toMatchObject({ period: 'termine', lateClosures: 1, openEpisodes: 0, periodRefusal: null });
    // November, built now, holds its own episode, not marked late.
    ok(await manager.claims.build({ month: '2026-11' }));
    const nov = ok(await manager.claims.get({ month: '2026-11' }));
    expect(nov.document.episodes.map((e) => [e.episodeId, e.lateClosure])).toEqual([[ofNovember, undefined]]);
    // Every closed episode is in exactly one month's claim.
    const claimed = await core.deps.handle.db.selectFrom('claim_episode').select('episode_id').execute();
    const closed = await core.deps.handle.db.selectFrom('episode').select('id').where('status', '=', 'clos').execute();
    expect(claimed.map((c) => c.episode_id).sort()).toEqual(closed.map((c) => c.id).sort());
  });
});
