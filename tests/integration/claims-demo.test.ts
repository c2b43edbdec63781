import { afterEach, beforeEach, expect, it } from 'vitest';
import { runDemo } from '../../electron/core/demo/demo';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { r4BundleErrors } from '../support/fhir-r4';
import { insertPersons, somePerson } from '../support/persons';

// The test clock reads 16 November 2026: October is a whole past month to claim.
describeEachDb('demo: a realistic month to claim', (kind) => {
  let core: TestCore;
  beforeEach(async () => {
    core = await openTestCore(kind);
  });
  afterEach(async () => core.dispose());

  it('gives a claim with its reception slips flagged, nothing blocking, exported as valid FHIR R4', async () => {
    await insertPersons(
      core.deps.handle.db,
      Array.from({ length: 400 }, (_, i) => ({
        ...somePerson(i, 'Coulibaly', `Personne ${i}`),
        sex: i % 2 ? 'F' : 'M',
        birth_date: `${1945 + (i % 75)}-01-01`,
      })),
    );
    await runDemo(core.deps, { month: '2026-10', episodes: 120 });
    const manager = clientFor(core, slotAs(['gestionnaire']));
    const built = await manager.claims.build({ month: '2026-10' });
    if (!built.ok) throw new Error(built.error.message);
    expect(built.value.episodes).toBeGreaterThan(90);
    const view = await manager.claims.get({ month: '2026-10' });
    if (!view.ok) throw new Error(view.error.message);
    const codes = new Set(view.value.flags.map((f) => f.code));
    // The reception slip and the cases planted for the médecin conseil (demo/control-cases.ts);
    // chance may add repeats of the random months' acts (warnings only).
    const planted = ['DUPLICATE_ACT', 'DUPLICATE_ADMISSION', 'IDENTITY_NOT_CHECKED', 'IMPLAUSIBLE_SEX', 'IMPLAUSIBLE_AGE'];
    expect([...codes].filter((c) => planted.includes(c)).sort()).toEqual([...planted].sort());
    for (const c of ['OVER_PERIOD_LIMIT', 'DAYS_OVER_STAY', 'OVERLAPPING_STAYS']) expect(codes).toContain(c);
    // The demo keys one patient twice on purpose; with the registry's demo persons in the pool,
    // chance may bring a few others back the same day too.
    expect(view.value.flags.filter((f) => f.code === 'DUPLICATE_ADMISSION').length).toBeGreaterThanOrEqual(1);
    expect(view.value.blocking).toBe(0);
    expect(view.value.document.total).toBeGreaterThan(0);

    // Signed and exported, the month is valid FHIR R4 for the official definitions.
    const signed = await manager.claims.sign({ month: '2026-10', sha256: view.value.sha256 });
    if (!signed.ok) throw new Error(signed.error.message);
    const fhir = await manager.claims.export({ month: '2026-10', format: 'fhir' });
    if (!fhir.ok) throw new Error(fhir.error.message);
    const bundle = JSON.parse(Buffer.from(fhir.value.base64, 'base64').toString('utf8')) as { entry: unknown[] };
    expect(bundle.entry.length).toBe(built.value.episodes);
    expect(r4BundleErrors(bundle)).toEqual([]);
  });
});
