import { afterEach, beforeEach, expect, it } from 'vitest';
import { actingAs } from '../../electron/core/service-context';
import { openCore, type Core } from '../../electron/core/app';
import { fixedClock } from '../../electron/core/clock';
import { silentLogger } from '../../electron/core/logger';
import { insertDraft } from '../../electron/core/claims/store';
import { closedEpisode, novemberEnded } from '../support/claims';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { insertPersons, somePerson } from '../support/persons';
import { importList, setFacility, TEST_TARIFFS } from '../support/reference';

// Two managers on two workstations sign the same month at once (on PostgreSQL, two pools).
describeEachDb('claims signed from two workstations at once', (kind) => {
  let desk1: TestCore;
  let desk2: Core;

  beforeEach(async () => {
    desk1 = await openTestCore(kind, { clock: novemberEnded() });
    await setFacility(desk1, 'cscom');
    await importList(desk1, 'tariffs', TEST_TARIFFS);
    const [p1, p2] = await insertPersons(desk1.deps.handle.db, [somePerson(1), somePerson(2)]);
    await closedEpisode(desk1, p1!, [{ code: 'CS-CUR' }]);
    await closedEpisode(desk1, p2!, [{ code: 'LB-GE' }]);
    desk2 = await openCore({ db: desk1.target, clock: fixedClock('2026-12-02T10:00:00.000Z'), log: silentLogger });
  });
  afterEach(async () => {
    await desk2.close();
    await desk1.dispose();
  });

  it('records one signature when two managers sign the same claim', async () => {
    const fatoumata = clientFor(desk1, slotAs(['gestionnaire'], null, 'fatoumata'));
    const ibrahim = clientFor(desk2, slotAs(['gestionnaire'], null, 'ibrahim'));
    await fatoumata.claims.build({ month: '2026-11' });
    const shown = await fatoumata.claims.get({ month: '2026-11' });
    if (!shown.ok) throw new Error(shown.error.message);
    const sha256 = shown.value.sha256;
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) => (i % 2 ? ibrahim : fatoumata).claims.sign({ month: '2026-11', sha256 })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    const rows = await desk1.deps.handle.db.selectFrom('claim').select(['version', 'status', 'sha256']).execute();
    expect(rows).toEqual([{ version: 1, status: 'signee', sha256 }]);
    const audit = await desk1.deps.handle.db
      .selectFrom('audit_log')
      .select('outcome')
      .where('method', '=', 'claims.sign')
      .orderBy('outcome')
      .execute();
    expect(audit.map((a) => a.outcome)).toEqual(['failed', 'failed', 'failed', 'ok']);
  });

  it('answers CONFLICT in French when the draft version it writes was written meanwhile by another workstation', async () => {
    const writer = (core: Core, login: string) => actingAs(core.deps, login);
    // Both read « no claim yet » before either wrote: the second insert meets the unique (month, version).
    await insertDraft(writer(desk2, 'ibrahim'), '2026-11', undefined, [], 0);
    const lost = insertDraft(writer(desk1, 'fatoumata'), '2026-11', undefined, [], 0);
    await expect(lost).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'Un autre poste vient de préparer la réclamation de 2026-11 au même moment. Rouvrez-la pour voir la version enregistrée, puis recommencez si besoin.',
    });
    expect(await desk1.deps.handle.db.selectFrom('claim').select(['version', 'built_by']).execute()).toEqual([
      { version: 1, built_by: 'ibrahim' },
    ]);
  });

  it('makes one draft when two managers build the month at once', async () => {
    const a = clientFor(desk1, slotAs(['gestionnaire']));
    const b = clientFor(desk2, slotAs(['gestionnaire']));
    const results = await Promise.all([a, b, a, b].map((c) => c.claims.build({ month: '2026-11' })));
    const ok = results.filter((r) => r.ok);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    // A loser (PostgreSQL: the second insert of version 1) is told plainly, never INTERNAL.
    for (const r of results)
      if (!r.ok) expect(r.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Un autre poste') });
    const rows = await desk1.deps.handle.db.selectFrom('claim_episode').selectAll().execute();
    expect(rows).toHaveLength(2);
    expect(await desk1.deps.handle.db.selectFrom('claim').select('version').execute()).toEqual([{ version: 1 }]);
  });
});
