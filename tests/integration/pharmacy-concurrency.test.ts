import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/app';
import { fixedClock } from '../../electron/core/clock';
import { silentLogger } from '../../electron/core/logger';
import { ledgerMismatches } from '../../electron/core/pharmacy/ledger';
import { clientFor, describeEachDb, slotAs } from '../support/db';
import { openEpisode } from '../support/episodes';
import { pharmacySetup, receive, usable, type PharmacySetup } from '../support/pharmacy';

// Two pharmacy counters on one database: on PostgreSQL, two connection pools racing for the same batches.
describeEachDb('pharmacy from two workstations at once', (kind) => {
  let s: PharmacySetup;
  let counter2: Core;
  beforeEach(async () => {
    s = await pharmacySetup(kind);
    counter2 = await openCore({ db: s.core.target, clock: fixedClock('2026-11-16T09:30:00.000Z'), log: silentLogger });
  });
  afterEach(async () => {
    await counter2.close();
    await s.core.dispose();
  });

  it('lets only one of two pharmacists give the last units', async () => {
    await receive(s.pharmacist, 'AMOX500G', 'L1', '2027-01-31', 3);
    await receive(s.pharmacist, 'AMOX500G', 'L2', '2027-02-28', 3);
    const other = await openEpisode(s.core, s.personId, '2026-11-16T08:00:00.000Z');
    const give = (core: Core, episodeId: number) =>
      clientFor(core, slotAs(['pharmacie'])).pharmacy.dispense({
        episodeId,
        medicineCode: 'AMOX500G',
        quantity: 6,
        prescriber: 'Dr Keïta',
      });
    const results = await Promise.all([
      give(s.core, s.episodeId),
      give(counter2, other.id),
      give(s.core, other.id),
      give(counter2, s.episodeId),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) expect(r).toMatchObject({ error: { code: expect.stringMatching(/REFUSED|CONFLICT/) } });
    expect(await usable(s.pharmacist, 'AMOX500G')).toBe(0);
    expect(await ledgerMismatches(s.core.deps.handle.db)).toEqual([]);
  });

  it('never gives more units than held when many small dispensings race', async () => {
    await receive(s.pharmacist, 'PARA500C', 'L1', '2027-01-31', 10);
    await receive(s.pharmacist, 'PARA500C', 'L2', '2027-03-31', 7);
    const give = (core: Core) =>
      clientFor(core, slotAs(['pharmacie'])).pharmacy.dispense({
        episodeId: s.episodeId,
        medicineCode: 'PARA500C',
        quantity: 2,
        prescriber: 'Dr Keïta',
      });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => give(i % 2 ? s.core : counter2)));
    const given = results.filter((r) => r.ok).length * 2;
    expect(given).toBe(16);
    expect(await usable(s.pharmacist, 'PARA500C')).toBe(1);
    expect(await ledgerMismatches(s.core.deps.handle.db)).toEqual([]);
  });
});
