import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/app';
import { fixedClock } from '../../electron/core/clock';
import { silentLogger } from '../../electron/core/logger';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { openEpisode } from '../support/episodes';
import { insertPersons, somePerson } from '../support/persons';
import { importList, setFacility, TEST_TARIFFS } from '../support/reference';

// Two workstations on one database: on PostgreSQL, two connection pools racing for the same rows.
describeEachDb('episodes from two workstations at once', (kind) => {
  let desk1: TestCore;
  let desk2: Core;
  let personId: number;

  beforeEach(async () => {
    desk1 = await openTestCore(kind);
    await setFacility(desk1, 'cscom');
    await importList(desk1, 'tariffs', TEST_TARIFFS);
    personId = (await insertPersons(desk1.deps.handle.db, [somePerson(1)]))[0]!;
    desk2 = await openCore({ db: desk1.target, clock: fixedClock('2026-11-16T09:30:00.000Z'), log: silentLogger });
  });
  afterEach(async () => {
    await desk2.close();
    await desk1.dispose();
  });

  it('never gives the same episode number twice', async () => {
    const admit = (core: Core) => Array.from({ length: 30 }, () => openEpisode(core, personId));
    const opened = await Promise.all([...admit(desk1), ...admit(desk2)]);
    const numbers = opened.map((e) => e.number).sort();
    expect(new Set(numbers).size).toBe(60);
    expect(numbers[0]).toBe('EP-2026-000001');
    expect(numbers.at(-1)).toBe('EP-2026-000060');
  });

  it('lets only one of two desks use up an act’s maximum per episode', async () => {
    const { id } = await openEpisode(desk1, personId);
    const add = (core: Core) =>
      clientFor(core, slotAs(['accueil'])).episodes.addLine({
        episodeId: id,
        code: 'LB-GE',
        quantity: 2,
        performedOn: '2026-11-16',
        prescriber: 'Dr Sidibé',
      });
    const results = await Promise.all([add(desk1), add(desk2), add(desk1), add(desk2)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) {
      expect(r).toMatchObject({ error: { code: 'REFUSED', message: expect.stringMatching(/limité à 2 par épisode/) } });
    }
  });

  it('cancels a line once when two desks cancel it at the same time', async () => {
    const { id } = await openEpisode(desk1, personId);
    const added = await clientFor(desk1, slotAs(['accueil'])).episodes.addLine({
      episodeId: id,
      code: 'CS-CUR',
      quantity: 1,
      performedOn: '2026-11-16',
      prescriber: 'Dr Sidibé',
    });
    const lineId = added.ok ? added.value.lines[0]!.id : 0;
    const cancel = (core: Core) => clientFor(core, slotAs(['accueil'])).episodes.cancelLine({ episodeId: id, lineId, reason: 'Doublon' });
    const results = await Promise.all([cancel(desk1), cancel(desk2), cancel(desk1), cancel(desk2)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const view = await clientFor(desk2, slotAs(['accueil'])).episodes.get({ id });
    expect(view.ok && view.value.lines.map((l) => l.state)).toEqual(['annulee', 'annulation']);
  });

  it('never adds a line to an episode that another desk has closed', async () => {
    const { id } = await openEpisode(desk1, personId);
    const close = clientFor(desk1, slotAs(['accueil'])).episodes.close({
      episodeId: id,
      endedOn: '2026-11-16',
      diagnosis: 'Paludisme simple',
      outcome: 'gueri',
    });
    const adds = Array.from({ length: 6 }, () =>
      clientFor(desk2, slotAs(['accueil'])).episodes.addLine({
        episodeId: id,
        code: 'CS-CUR',
        quantity: 1,
        performedOn: '2026-11-16',
        prescriber: 'Dr Sidibé',
      }),
    );
    const [closed, ...added] = await Promise.all([close, ...adds]);
    expect(closed.ok).toBe(true);
    // Each add ran wholly before the close (then the closed episode holds it) or was refused after.
    const final = await clientFor(desk1, slotAs(['accueil'])).episodes.get({ id });
    const held = final.ok ? final.value.lines.length : -1;
    expect(held).toBe(added.filter((r) => r.ok).length);
    for (const r of added.filter((r) => !r.ok)) expect(r).toMatchObject({ error: { code: 'CONFLICT' } });
    const closedSeen = closed.ok ? closed.value.lines.length : -1;
    expect(closedSeen).toBe(held);
  });
});
