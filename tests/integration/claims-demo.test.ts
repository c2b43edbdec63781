import { afterEach, beforeEach, expect, it } from 'vitest';
import { runDemo } from '../../electron/core/demo/demo';
import { CLAIM_CHECKS, type ClaimCheck } from '../../shared/domain/claims';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { r4BundleErrors } from '../support/fhir-r4';

/** The checks the demo month raises: the reception slip, chance, and the cases planted (demo/control-cases.ts, demo/off-list-case.ts). */
const ON_DEMO: readonly ClaimCheck[] = [
  'DUPLICATE_ACT',
  'DUPLICATE_ADMISSION',
  'IDENTITY_NOT_CHECKED',
  'IDENTITY_MISMATCH',
  'QUANTITY_OVER_LIMIT',
  'IMPLAUSIBLE_SEX',
  'IMPLAUSIBLE_AGE',
  'REPEAT_TOO_SOON',
  'OVER_PERIOD_LIMIT',
  'DAYS_OVER_STAY',
  'OVERLAPPING_STAYS',
  'DOSE_OVER_MAXIMUM',
  'OFF_LIST_JUSTIFIED',
];

/** The checks data keyed through the application cannot raise on the demo, and why (docs/claim-controls.md). */
const NOT_ON_DEMO: Record<Exclude<ClaimCheck, (typeof ON_DEMO)[number]>, string> = {
  PATIENT_NOT_ELIGIBLE: 'the desk admits only the eligible; a registry received after the admission gives ELIGIBILITY_CHANGED',
  ELIGIBILITY_CHANGED: 'needs a registry update after the admission: the demo imports its registry once, before the episodes',
  NOT_IN_TARIFF: 'the desk refuses an act without a tariff on its day; only a later list can remove it',
  NON_POSITIVE_AMOUNT: 'pricing refuses a zero price',
  END_BEFORE_START: 'closing refuses an end before the opening',
  CAESAREAN_BILLED: 'a caesarean always goes to its programme, and a CSCOM has no caesarean tariff',
  EXCLUDED_CARE: 'the desk refuses an excluded act',
  NO_REFERRAL: 'the demo facility is a CSCOM: the referral rule applies at a CSREF or a hospital',
  NOT_ESSENTIAL: 'the pharmacy and the desk both ask for the justification (or refuse); only a line keyed before the rule lacks one',
  NOT_REGULARISED: 'the demo admits no emergency out of the registry',
  REGULARISATION_PENDING: 'the demo admits no emergency out of the registry, so none waits for its regularisation',
};

// The test clock reads 16 November 2026: October is a whole past month to claim.
describeEachDb('demo: a realistic month to claim', (kind) => {
  let core: TestCore;
  beforeEach(async () => {
    core = await openTestCore(kind);
  });
  afterEach(async () => core.dispose());

  it('classifies every claim check: raised by the demo, or said why not', () => {
    expect([...ON_DEMO, ...Object.keys(NOT_ON_DEMO)].sort()).toEqual([...CLAIM_CHECKS].sort());
  });

  it('gives a claim with a case of each check the application can raise, the blocking ones excluded, exported as valid FHIR R4', async () => {
    await runDemo(core.deps, { month: '2026-10', episodes: 120 });
    const manager = clientFor(core, slotAs(['gestionnaire']));
    const built = await manager.claims.build({ month: '2026-10' });
    if (!built.ok) throw new Error(built.error.message);
    expect(built.value.episodes).toBeGreaterThan(90);
    const view = await manager.claims.get({ month: '2026-10' });
    if (!view.ok) throw new Error(view.error.message);
    const codes = new Set(view.value.flags.map((f) => f.code));
    expect(ON_DEMO.filter((c) => !codes.has(c))).toEqual([]);
    // The demo keys one patient twice on purpose; chance may bring a few others back the same day too.
    expect(view.value.flags.filter((f) => f.code === 'DUPLICATE_ADMISSION').length).toBeGreaterThanOrEqual(1);
    expect(view.value.document.total).toBeGreaterThan(0);

    // The blocking ones are the planted card mismatch and the metformin line: the manager excludes their episodes.
    const blocking = view.value.flags.filter((f) => f.severity === 'bloquant');
    expect([...new Set(blocking.map((f) => f.code))].sort()).toEqual(['IDENTITY_MISMATCH', 'QUANTITY_OVER_LIMIT']);
    for (const episodeId of new Set(blocking.map((f) => f.episodeId))) {
      const excluded = await manager.claims.exclude({ month: '2026-10', episodeId, reason: 'Dossier transmis au médecin conseil' });
      if (!excluded.ok) throw new Error(excluded.error.message);
    }
    const cleared = await manager.claims.get({ month: '2026-10' });
    if (!cleared.ok) throw new Error(cleared.error.message);
    expect(cleared.value.blocking).toBe(0);

    // Signed and exported, the month is valid FHIR R4 for the official definitions.
    const signed = await manager.claims.sign({ month: '2026-10', sha256: cleared.value.sha256 });
    if (!signed.ok) throw new Error(signed.error.message);
    const fhir = await manager.claims.export({ month: '2026-10', format: 'fhir' });
    if (!fhir.ok) throw new Error(fhir.error.message);
    const bundle = JSON.parse(Buffer.from(fhir.value.base64, 'base64').toString('utf8')) as { entry: unknown[] };
    // The excluded episodes stay out of what is sent.
    expect(bundle.entry.length).toBe(cleared.value.document.episodes.filter((e) => !e.excluded).length);
    expect(r4BundleErrors(bundle)).toEqual([]);
  }, 120_000);

  it('puts a line of each free-care programme a CSCOM can reach in the month, never in the RAMED’s total', async () => {
    await runDemo(core.deps, { month: '2026-10', episodes: 40 });
    const manager = clientFor(core, slotAs(['gestionnaire']));
    const month = await manager.programmes.month({ month: '2026-10' });
    if (!month.ok) throw new Error(month.error.message);
    expect(month.value.map((p) => p.code).sort()).toEqual(expect.arrayContaining(['LEPRE', 'PALU', 'PEV', 'TB', 'VIH']));
    const palu = await manager.programmes.statement({ month: '2026-10', programme: 'PALU', format: 'csv' });
    if (!palu.ok) throw new Error(palu.error.message);
    const csv = Buffer.from(palu.value.base64, 'base64').toString('utf8');
    // The child under five's test and artemether, the pregnant woman's test and her IPT.
    for (const code of ['LB-TDR', 'AL2006C', 'SP500C']) expect(csv).toContain(`;${code};`);
    const built = await manager.claims.build({ month: '2026-10' });
    if (!built.ok) throw new Error(built.error.message);
    const claim = await manager.claims.get({ month: '2026-10' });
    if (!claim.ok) throw new Error(claim.error.message);
    // The programmes' lines ride along for the record, never in the RAMED's total.
    const { document } = claim.value;
    const lines = document.episodes.filter((e) => !e.excluded).flatMap((e) => e.lines.filter((l) => !l.excluded));
    const programmeLines = lines.filter((l) => l.programme);
    expect(new Set(programmeLines.map((l) => l.programme))).toEqual(new Set(['LEPRE', 'PALU', 'PEV', 'TB', 'VIH']));
    expect(programmeLines.every((l) => l.payer !== 'ramed')).toBe(true);
    expect(document.programmeTotal).toBe(programmeLines.reduce((sum, l) => sum + l.amount, 0));
    expect(document.total).toBe(lines.filter((l) => l.payer === 'ramed').reduce((sum, l) => sum + l.amount, 0));
  }, 120_000);
});
