import { afterEach, beforeEach, expect, it } from 'vitest';
import { runDemo } from '../../electron/core/demo/demo';
import { demoBackups } from '../../electron/core/demo/backups';
import { demoEpisodes } from '../../electron/core/demo/episodes';
import { DEMO_PARTS } from '../../electron/core/demo/parts';
import { demoReceptionChecks } from '../../electron/core/demo/reception';
import { checkRecepisse } from '../../electron/core/registry/lookup';
import { actingAs } from '../../electron/core/service-context';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';

// The test clock reads 16 November 2026: the demo month runs from the 1st to today.
describeEachDb('demo: the desk’s checks over the month', (kind) => {
  let core: TestCore;
  beforeEach(async () => {
    core = await openTestCore(kind);
  });
  afterEach(async () => core.dispose());

  it('runs after the episodes it records and before the backup, which stays last', () => {
    expect(DEMO_PARTS.at(-1)).toBe(demoBackups);
    expect(DEMO_PARTS.indexOf(demoReceptionChecks)).toBeGreaterThan(DEMO_PARTS.indexOf(demoEpisodes));
    expect(DEMO_PARTS.indexOf(demoReceptionChecks)).toBeLessThan(DEMO_PARTS.length - 1);
  });

  it('records each admission with its check, refusals with the rules’ reasons, over the whole month', async () => {
    await runDemo(core.deps, { month: '2026-11', episodes: 60 });
    const db = core.deps.handle.db;
    const checks = await db.selectFrom('reception_check').selectAll().orderBy('id').execute();
    const reasons = await db.selectFrom('reception_check_reason').select(['check_id', 'code']).execute();
    // The demo month's episodes (it also holds an older month, claimed and paid, with no desk record).
    const episodes = await db
      .selectFrom('episode')
      .select(['id', 'recepisse', 'identity_document', 'opened_at'])
      .where('opened_at', '>=', '2026-11-01')
      .execute();

    // Every episode: one admission pointing at it, with its identity document, after an eligible check.
    const admissions = checks.filter((c) => c.kind === 'admission');
    expect(admissions).toHaveLength(episodes.length);
    for (const e of episodes) {
      const admission = admissions.find((a) => a.episode_id === e.id);
      expect(admission).toMatchObject({
        outcome: 'admis',
        recepisse: e.recepisse,
        identity_document: e.identity_document,
        at: e.opened_at,
      });
      const checked = checks.find(
        (c) =>
          c.kind === 'verification' && c.recepisse === e.recepisse && c.at < e.opened_at && c.at.slice(0, 10) === e.opened_at.slice(0, 10),
      );
      expect(checked, e.recepisse).toMatchObject({ outcome: 'eligible' });
    }
    expect(new Set(admissions.map((a) => a.identity_document)).size).toBeGreaterThanOrEqual(3);

    // Refusals: varied reasons, each the one the desk's own check gives on that day.
    const refused = checks.filter((c) => c.outcome === 'non_eligible');
    expect(refused.length).toBeGreaterThanOrEqual(10);
    const codes = new Set(reasons.map((r) => r.code));
    expect([...codes]).toEqual(expect.arrayContaining(['NOT_FOUND', 'EXPIRED']));
    expect(codes.size).toBeGreaterThanOrEqual(5);
    const desk = actingAs(core.deps, 'accueil');
    for (const check of refused) {
      const answer = await checkRecepisse(desk, { recepisse: check.recepisse, date: check.day });
      const recorded = reasons.filter((r) => r.check_id === check.id).map((r) => r.code);
      expect(recorded, check.recepisse).toEqual(answer.reasons);
      expect(check.person_id).toBe(answer.person?.id ?? null);
    }
    expect(checks.every((c) => c.day === c.at.slice(0, 10) && c.day >= '2026-11-01' && c.day <= '2026-11-16')).toBe(true);
    expect(new Set(checks.map((c) => c.day)).size).toBeGreaterThanOrEqual(10);
    expect(checks.filter((c) => c.kind === 'verification' && c.outcome === 'eligible').length).toBeGreaterThan(episodes.length);

    // The desk's day list reads them.
    const day = checks.at(-1)!.day;
    const list = await clientFor(core, slotAs(['gestionnaire'])).reception.day({ day });
    expect(list.ok && list.value.rows.length).toBe(checks.filter((c) => c.day === day).length);
  });
});
