import type { Kysely } from 'kysely';
import type { StockOutFigures } from '../../../shared/domain/statistics';
import type { Database } from '../db/schema/index';
import { unmetBetween } from '../pharmacy/report';
import type { DayRange } from './range';

/**
 * Days out of stock and unmet demand by DCI (the pharmacy's report over the range). Before the
 * first stock entry the product ever recorded, it knows nothing of the shelves: the days are
 * counted from that day, not from the start of a year the facility began mid-way.
 */
export async function stockOuts(db: Kysely<Database>, range: DayRange, today: string): Promise<{ from: string; rows: StockOutFigures[] }> {
  const first = await db
    .selectFrom('stock_movement')
    .select((eb) => eb.fn.min('at').as('at'))
    .executeTakeFirst();
  const held = first?.at ? String(first.at).slice(0, 10) : null;
  const from = held && held > range.first ? held : range.first;
  return { from, rows: await unmetBetween(db, from, range.last, today) };
}
