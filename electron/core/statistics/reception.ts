import { sql, type Kysely } from 'kysely';
import type { IdentityDocument } from '../../../shared/domain/episodes';
import type { StatisticsFigures } from '../../../shared/domain/statistics';
import type { Database } from '../db/schema/index';
import type { DayRange } from './range';

// A person checked several times the same day (a card scanned twice, a check then an admission) counts once.
const personDays = sql<number>`count(distinct c.recepisse || '|' || c.day)`;

const checksIn = (db: Kysely<Database>, range: DayRange) =>
  db.selectFrom('reception_check as c').where('c.day', '>=', range.first).where('c.day', '<=', range.last);

/** The desk's eligibility decisions (checks and admissions, 0009_reception): persons checked, refused, and why. */
export async function deskChecks(db: Kysely<Database>, range: DayRange): Promise<StatisticsFigures['checks']> {
  const [totals, reasons] = await Promise.all([
    checksIn(db, range)
      .select([
        personDays.as('checked'),
        sql<number>`count(distinct case when c.outcome in ('non_eligible', 'refuse') then c.recepisse || '|' || c.day end)`.as('refused'),
        sql<number>`sum(case when c.outcome = 'admis' then 1 else 0 end)`.as('admitted'),
      ])
      .executeTakeFirstOrThrow(),
    checksIn(db, range)
      .innerJoin('reception_check_reason as r', 'r.check_id', 'c.id')
      .select(['r.code', personDays.as('refusals')])
      .groupBy('r.code')
      .execute(),
  ]);
  return {
    checked: Number(totals.checked),
    refused: Number(totals.refused),
    admitted: Number(totals.admitted ?? 0),
    reasons: reasons.map((r) => ({ code: r.code, refusals: Number(r.refusals) })),
  };
}

/** Admission decisions by the identity document shown, and whether it matched the person. */
export async function identityChecks(db: Kysely<Database>, range: DayRange): Promise<StatisticsFigures['identity']> {
  const rows = await checksIn(db, range)
    .select([
      'c.identity_document',
      sql<number>`count(*)`.as('checks'),
      sql<number>`sum(case when c.identity_matches = 1 then 1 else 0 end)`.as('matched'),
      sql<number>`sum(case when c.identity_matches = 0 then 1 else 0 end)`.as('mismatched'),
    ])
    .where('c.kind', '=', 'admission')
    .where('c.identity_document', 'is not', null)
    .groupBy('c.identity_document')
    .execute();
  return rows.map((r) => ({
    document: r.identity_document as IdentityDocument,
    checks: Number(r.checks),
    matched: Number(r.matched),
    mismatched: Number(r.mismatched),
  }));
}
