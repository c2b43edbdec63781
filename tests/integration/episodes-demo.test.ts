import { DEMO_CONTROL_EPISODES } from '../../electron/core/demo/control-cases';
import { DEMO_PROGRAMME_EPISODES } from '../../electron/core/demo/programme-cases';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runDemo } from '../../electron/core/demo/demo';
import { demoEpisodes } from '../../electron/core/demo/episodes';
import { demoReference } from '../../electron/core/demo/reference';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { insertPersons, somePerson } from '../support/persons';

// The test clock reads 16 November 2026: the demo month runs from the 1st to today.
describeEachDb('demo: reference lists and a month of episodes', (kind) => {
  let core: TestCore;
  beforeEach(async () => {
    core = await openTestCore(kind);
  });
  afterEach(async () => core.dispose());

  it('creates no episode on an empty registry, and says so', async () => {
    const labels: string[] = [];
    // The whole demo imports a sample registry first: its parts run alone here, on an empty one.
    const ctx = { deps: core.deps, options: { month: '2026-11', episodes: 20 }, accounts: [], note: (label: string) => labels.push(label) };
    await demoReference.run(ctx);
    await demoEpisodes.run(ctx);
    expect(labels).toContain('Épisodes de soins : le registre est vide, aucun épisode créé');
    const tariffs = await clientFor(core, slotAs(['accueil'])).tariffs.list({ level: 'cscom' });
    expect(tariffs.ok && tariffs.value.length).toBeGreaterThan(20);
    expect(await core.deps.handle.db.selectFrom('episode').select('id').execute()).toEqual([]);
  });

  it('spreads episodes over the month for registry persons: closed, open, some corrected', async () => {
    await insertPersons(
      core.deps.handle.db,
      Array.from({ length: 40 }, (_, i) => ({
        ...somePerson(i, 'Diallo', `Personne ${i}`),
        sex: i % 2 ? 'F' : 'M',
        birth_date: `${1960 + i}-01-01`,
      })),
    );
    await runDemo(core.deps, { month: '2026-11', episodes: 80 });
    const gestionnaire = clientFor(core, slotAs(['gestionnaire']));
    // The month asked for (the demo also claims a month five months earlier, with its own episodes).
    const all = await gestionnaire.episodes.list({ from: '2026-11-01', to: '2026-11-30', pageSize: 200, sort: 'number', desc: false });
    if (!all.ok) throw new Error(all.error.message);
    // The 80 asked for, the cases planted for the médecin conseil and one per free-care programme.
    expect(all.value.total).toBe(80 + DEMO_CONTROL_EPISODES + DEMO_PROGRAMME_EPISODES);
    const rows = all.value.rows;
    expect(rows.every((r) => r.openedAt >= '2026-11-01' && r.openedAt < '2026-11-17')).toBe(true);
    // The month's admissions are numbered in time order; the planted cases come after them.
    const admissions = rows.slice(0, 80);
    expect(admissions.map((r) => r.openedAt)).toEqual([...admissions.map((r) => r.openedAt)].sort());
    const closed = rows.filter((r) => r.status === 'clos');
    expect(closed.length).toBeGreaterThan(40);
    expect(rows.filter((r) => r.status === 'ouvert').length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.openedAt.startsWith('2026-11-16')).every((r) => r.status === 'ouvert')).toBe(true);
    // A free-care programme may pay a whole episode (tuberculosis, HIV, leprosy, vaccination): the RAMED is billed nothing.
    expect(rows.filter((r) => r.ramedTotal === 0).length).toBeLessThanOrEqual(DEMO_PROGRAMME_EPISODES);
    expect(rows.filter((r) => r.ramedTotal === 0).length).toBeGreaterThan(0);
    const cancellations = await core.deps.handle.db.selectFrom('prestation').select('id').where('cancels_id', 'is not', null).execute();
    expect(cancellations.length).toBeGreaterThan(0);
    const one = await gestionnaire.episodes.get({ id: closed[0]!.id });
    expect(one.ok && one.value).toMatchObject({ diagnosis: expect.any(String), outcome: expect.any(String), endedOn: expect.any(String) });
  }, 120_000);
});
