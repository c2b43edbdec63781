import { expect, it } from 'vitest';
import { fixedClock } from '../../electron/core/clock';
import { runDemo } from '../../electron/core/demo/demo';
import { clientFor, describeEachDb, openTestCore, slotAs } from '../support/db';

/** The cases the README promises in the sample registry, by récépissé. */
const CASES: Array<[string, string, string[], string[]]> = [
  ['1101000000017', 'eligible titulaire', [], []],
  ['1101000000058', 'child of 15 not in school', ['CHILD_NOT_IN_SCHOOL'], []],
  ['1101000000066', 'child of 15 in school', [], []],
  ['1101000000074', 'disabled adult child', [], []],
  ['1101000000082', 'child of 22 in school', ['CHILD_OVER_AGE'], []],
  ['1101000000090', 'child born "vers" a year', [], ['BIRTH_YEAR_ONLY']],
  ['1101000000108', 'expired titulaire', ['EXPIRED'], []],
  ['1101000000116', 'spouse of an expired titulaire', ['HOLDER_NOT_ELIGIBLE'], []],
  ['1101000000132', 'suspended titulaire', ['SUSPENDED'], []],
  ['1101000000157', 'titulaire near expiry', [], ['NEAR_EXPIRY']],
  ['1101000000181', 'titulaire not yet valid', ['NOT_YET_VALID'], []],
  ['1101000000223', 'child of 14 not in school', ['CHILD_NOT_IN_SCHOOL'], []],
  ['1101000000256', 'struck-off spouse', ['STRUCK_OFF'], []],
  ['1101000000272', 'admis de droit (orphanage)', [], []],
  ['1101000000314', 'expired admis de droit', ['EXPIRED'], []],
  ['1101000000405', 'child under five (free malaria care)', [], []],
  ['1101000000397', 'spouse whose titulaire is not in the registry', ['HOLDER_NOT_FOUND'], []],
];

describeEachDb('demo registry', (kind) => {
  it.each(['2026-11-16', '2029-03-10'])(
    'shows every eligibility case on the day of the demo (%s)',
    async (day) => {
      const core = await openTestCore(kind, { clock: fixedClock(`${day}T08:00:00.000Z`) });
      try {
        await runDemo(core.deps);
        const accueil = clientFor(core, slotAs(['accueil']));
        for (const [recepisse, name, reasons, warnings] of CASES) {
          const result = await accueil.registry.check({ recepisse });
          expect(result.ok && { name, reasons: result.value.reasons, warnings: result.value.warnings }).toEqual({
            name,
            reasons,
            warnings,
          });
        }
      } finally {
        await core.dispose();
      }
    },
    120_000,
  );
});
