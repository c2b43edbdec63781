import { sql, type Kysely } from 'kysely';
import type { ClaimCategory } from '../../../shared/domain/claims';
import type { StatisticsFigures } from '../../../shared/domain/statistics';
import type { Database } from '../db/schema/index';
import { monthOf, type DayRange } from './range';

/**
 * Episode lines in force performed in the range: neither a cancellation nor a line a later one
 * cancels. The cancelled ids come from one uncorrelated subquery, which both databases hash once.
 */
const prestationsInForce = (db: Kysely<Database>, range: DayRange) =>
  db
    .selectFrom('prestation as p')
    .where('p.cancels_id', 'is', null)
    .where('p.id', 'not in', db.selectFrom('prestation').select('cancels_id').where('cancels_id', 'is not', null))
    .where('p.performed_on', '>=', range.first)
    .where('p.performed_on', '<=', range.last);

/** Medicine lines in force dispensed in the range (a cancellation, whenever made, takes its line out). */
const dispensedInForce = (db: Kysely<Database>, range: DayRange) =>
  db
    .selectFrom('dispensation as d')
    .where('d.cancels_id', 'is', null)
    .where('d.id', 'not in', db.selectFrom('dispensation').select('cancels_id').where('cancels_id', 'is not', null))
    .where('d.dispensed_at', '>=', range.first)
    .where('d.dispensed_at', '<', range.end);

// The claim's category of a line: the tariff's, or medicines for a medicine keyed on the episode.
const category = sql<ClaimCategory>`coalesce(p.category, case when p.kind = 'medicament' then 'medicaments' else 'autre' end)`;
const ramedAmount = sql<number>`sum(case when p.payer = 'ramed' then p.amount else 0 end)`;

export async function prestationsByCategory(db: Kysely<Database>, range: DayRange): Promise<StatisticsFigures['prestations']> {
  const rows = await prestationsInForce(db, range)
    .select([
      category.as('category'),
      sql<number>`count(*)`.as('lines'),
      sql<number>`sum(p.quantity)`.as('quantity'),
      ramedAmount.as('amount'),
      sql<number>`sum(case when p.payer = 'ramed' then 0 else p.amount end)`.as('programme'),
    ])
    .groupBy(category)
    .execute();
  return rows.map((r) => ({
    category: r.category,
    lines: Number(r.lines),
    quantity: Number(r.quantity),
    amount: Number(r.amount),
    programme: Number(r.programme),
  }));
}

export async function prestationsByMonth(db: Kysely<Database>, range: DayRange): Promise<Map<string, number>> {
  const rows = await prestationsInForce(db, range)
    .select([monthOf('p.performed_on').as('month'), ramedAmount.as('amount')])
    .groupBy(monthOf('p.performed_on'))
    .execute();
  return new Map(rows.map((r) => [r.month, Number(r.amount)]));
}

export async function medicinesDispensed(db: Kysely<Database>, range: DayRange): Promise<StatisticsFigures['medicines']> {
  const rows = await dispensedInForce(db, range)
    .select([
      'd.medicine_code',
      'd.dci',
      'd.form',
      'd.strength',
      'd.programme_code',
      sql<number>`count(*)`.as('lines'),
      sql<number>`sum(d.quantity)`.as('quantity'),
      sql<number>`sum(d.amount)`.as('amount'),
    ])
    // A programme's lines apart from the RAMED's: they are not RAMED money.
    .groupBy(['d.medicine_code', 'd.dci', 'd.form', 'd.strength', 'd.programme_code'])
    .execute();
  return rows.map((r) => ({
    medicineCode: r.medicine_code,
    dci: r.dci,
    form: r.form,
    strength: r.strength,
    lines: Number(r.lines),
    quantity: Number(r.quantity),
    amount: Number(r.amount),
    programme: r.programme_code,
  }));
}

export async function medicinesByMonth(db: Kysely<Database>, range: DayRange): Promise<Map<string, number>> {
  const rows = await dispensedInForce(db, range)
    .select([monthOf('d.dispensed_at').as('month'), sql<number>`sum(d.amount)`.as('amount')])
    .groupBy(monthOf('d.dispensed_at'))
    .execute();
  return new Map(rows.map((r) => [r.month, Number(r.amount)]));
}
