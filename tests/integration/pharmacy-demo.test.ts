import { afterEach, beforeEach, expect, it } from 'vitest';
import { runDemo } from '../../electron/core/demo/demo';
import { ledgerMismatches } from '../../electron/core/pharmacy/ledger';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { insertPersons, somePerson } from '../support/persons';

// The test clock reads 16 November 2026: the demo month runs from the 1st to today.
describeEachDb('demo: the pharmacy’s month', (kind) => {
  let core: TestCore;
  beforeEach(async () => {
    core = await openTestCore(kind);
  });
  afterEach(async () => core.dispose());

  it('receives stock, dispenses on the month’s episodes and records unmet demand', async () => {
    await insertPersons(
      core.deps.handle.db,
      Array.from({ length: 30 }, (_, i) => ({ ...somePerson(i, 'Diallo', `Personne ${i}`), birth_date: `${1970 + i}-01-01` })),
    );
    await runDemo(core.deps, { month: '2026-11', episodes: 60 });
    const pharmacist = clientFor(core, slotAs(['pharmacie']));
    const alerts = await pharmacist.pharmacy.alerts({});
    const kinds = new Set(alerts.ok ? alerts.value.map((a) => a.kind) : []);
    expect([...kinds].sort()).toEqual(['bientot_perime', 'perime', 'sous_seuil']);
    const report = await pharmacist.pharmacy.unmetReport({ month: '2026-11' });
    const zinc = report.ok ? report.value.find((r) => r.medicineCode === 'ZINC20C') : undefined;
    expect(zinc?.daysOutOfStock).toBe(16);
    expect(report.ok && report.value.some((r) => r.unmetUnits > 0)).toBe(true);
    const given = await core.deps.handle.db.selectFrom('dispensation').select('id').execute();
    expect(given.length).toBeGreaterThan(40);
    expect(await ledgerMismatches(core.deps.handle.db)).toEqual([]);
  });
});
