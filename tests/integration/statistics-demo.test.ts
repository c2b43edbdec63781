import { DEMO_CONTROL_EPISODES } from '../../electron/core/demo/control-cases';
import { DEMO_PROGRAMME_EPISODES } from '../../electron/core/demo/programme-cases';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runDemo } from '../../electron/core/demo/demo';
import { checkRecepisse } from '../../electron/core/registry/lookup';
import { actingAs } from '../../electron/core/service-context';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';

// The test clock reads 16 November 2026: the demo month runs from the 1st to today.
describeEachDb('demo: the desk’s month in the statistics', (kind) => {
  let core: TestCore;
  beforeEach(async () => {
    core = await openTestCore(kind);
  });
  afterEach(async () => core.dispose());

  it('records each admission with the identity shown, and refusals the registry confirms', async () => {
    await runDemo(core.deps, { month: '2026-11', episodes: 60 });
    const db = core.deps.handle.db;
    const report = await clientFor(core, slotAs(['gestionnaire'])).statistics.month({ month: '2026-11' });
    if (!report.ok) throw new Error(report.error.message);
    const { eligibility, identity, episodes } = report.value;
    // The 60 asked for, the cases planted for the médecin conseil and one per free-care programme.
    expect(episodes).toBe(60 + DEMO_CONTROL_EPISODES + DEMO_PROGRAMME_EPISODES);
    expect(eligibility.admitted).toBe(60 + DEMO_CONTROL_EPISODES + DEMO_PROGRAMME_EPISODES);
    expect(identity.reduce((sum, i) => sum + i.checks, 0)).toBe(60 + DEMO_CONTROL_EPISODES + DEMO_PROGRAMME_EPISODES);
    // The identity of each admission is the one its episode carries (the demo also holds an older month, claimed and paid).
    const shown = await db.selectFrom('episode').select('identity_document').where('opened_at', '>=', '2026-11-01').execute();
    for (const i of identity) expect(i.checks).toBe(shown.filter((e) => e.identity_document === i.document).length);
    expect(eligibility.refused).toBeGreaterThanOrEqual(5);
    expect(eligibility.reasons.length).toBeGreaterThanOrEqual(3);
    // Every refusal is what the registry says of that person on that day.
    const refusals = await db.selectFrom('reception_check').select(['recepisse', 'day']).where('outcome', '=', 'non_eligible').execute();
    const desk = actingAs(core.deps, 'accueil');
    for (const r of refusals) expect((await checkRecepisse(desk, { recepisse: r.recepisse, date: r.day })).eligible).toBe(false);
  }, 120_000);
});
