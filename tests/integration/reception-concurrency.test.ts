import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/app';
import { verifyAudit } from '../../electron/core/audit/audit-log';
import { fixedClock } from '../../electron/core/clock';
import { silentLogger } from '../../electron/core/logger';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { insertPersons, somePerson } from '../support/persons';
import { setFacility } from '../support/reference';

// Two reception desks on one database admit the same patient at the same moment (on PostgreSQL,
// two connection pools racing): the person's row lock makes the second desk see the first episode.
describeEachDb('reception from two desks at once', (kind) => {
  let desk1: TestCore;
  let desk2: Core;
  const persons = Array.from({ length: 8 }, (_, i) => somePerson(i + 1, 'Diakité', 'Oumou'));

  beforeEach(async () => {
    desk1 = await openTestCore(kind);
    await setFacility(desk1, 'cscom');
    await insertPersons(desk1.deps.handle.db, persons);
    desk2 = await openCore({ db: desk1.target, clock: fixedClock('2026-11-16T09:30:00.000Z'), log: silentLogger });
  });
  afterEach(async () => {
    await desk2.close();
    await desk1.dispose();
  });

  const admit = (core: Core, login: string, recepisse: string) =>
    clientFor(core, slotAs(['accueil'], null, login)).reception.admit({
      recepisse,
      type: 'consultation_externe',
      identityDocument: 'recepisse_seul',
      identityMatches: true,
    });

  it('opens one episode when two desks admit the same person at once; the other desk is shown it', async () => {
    // Person after person, so that each race happens between two warm connection pools.
    for (const { recepisse } of persons) {
      const results = await Promise.all([admit(desk1, 'aminata', recepisse), admit(desk2, 'mariam', recepisse)]);
      const values = results.map((r) => (r.ok ? r.value : r.error));
      const admitted = values.filter((v) => 'outcome' in v && v.outcome === 'admitted');
      expect(admitted, recepisse).toHaveLength(1);
      const number = admitted[0]!.outcome === 'admitted' ? admitted[0]!.number : '';
      const other = values.find((v) => v !== admitted[0]);
      expect(other, recepisse).toMatchObject({ outcome: 'sameDay', episodes: [{ number }] });
    }
    const db = desk1.deps.handle.db;
    const episodes = await db.selectFrom('episode').select('recepisse').orderBy('recepisse').execute();
    expect(episodes.map((e) => e.recepisse)).toEqual(persons.map((p) => p.recepisse));
    const decisions = await db.selectFrom('reception_check').select('outcome').where('kind', '=', 'admission').execute();
    expect(decisions).toEqual(persons.map(() => ({ outcome: 'admis' })));
    // Every call of both desks chained onto one audit trail.
    expect(await verifyAudit(db, desk1.deps.auditKey)).toMatchObject({ ok: true });
    const audited = await db.selectFrom('audit_log').select('outcome').where('method', '=', 'reception.admit').execute();
    expect(audited).toHaveLength(persons.length * 2);
  });

  it('admits two different persons at once from two desks', async () => {
    const results = await Promise.all([admit(desk1, 'aminata', persons[0]!.recepisse), admit(desk2, 'mariam', persons[1]!.recepisse)]);
    expect(results.map((r) => r.ok && r.value.outcome)).toEqual(['admitted', 'admitted']);
  });
});
