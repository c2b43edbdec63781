import { sql, type Kysely } from 'kysely';
import type { UnmetReportRow } from '../../../shared/domain/pharmacy';
import { addDays } from '../../../shared/lib/dates';
import { daysOutOfStock, monthBounds } from '../../../shared/rules/stock';
import { isoToday } from '../clock';
import type { ServiceContext } from '../context';
import type { Database } from '../db/schema/index';
import { medicineNames } from './medicines';

/**
 * Unmet demand and days out of stock per medicine for one month (see `daysOutOfStock`: a day counts
 * when no usable unit is left at its end). A month still running is counted up to today. Lists every
 * medicine held at some time up to the month's end, or with unmet demand in the month.
 */
export async function unmetReport({ db, clock }: ServiceContext, { month }: { month: string }): Promise<UnmetReportRow[]> {
  const { first, last } = monthBounds(month);
  return (await unmetBetween(db, first, last, isoToday(clock))).map((row) => ({ month, ...row }));
}

/** The same for any run of days (a year for the statistics), from `first` to `last` or today. */
export async function unmetBetween(
  db: Kysely<Database>,
  first: string,
  last: string,
  today: string,
): Promise<Array<Omit<UnmetReportRow, 'month'>>> {
  const end = last < today ? last : today;
  if (end < first) return [];
  const [demand, batches, movements, names] = await Promise.all([
    db
      .selectFrom('unmet_demand')
      .select(['medicine_code', sql<number>`count(*)`.as('requests'), sql<number>`sum(unmet)`.as('units')])
      .where('recorded_at', '>=', first)
      .where('recorded_at', '<', addDays(end, 1))
      .groupBy('medicine_code')
      .execute(),
    db.selectFrom('stock_batch').select(['id', 'medicine_code', 'expiry']).execute(),
    db.selectFrom('stock_movement').select(['batch_id', 'at', 'quantity']).where('at', '<', addDays(end, 1)).execute(),
    medicineNames(db),
  ]);
  const medicineOf = new Map(batches.map((b) => [b.id, b.medicine_code]));
  const codes = new Set([...demand.map((d) => d.medicine_code), ...movements.map((m) => medicineOf.get(m.batch_id)!)]);
  const daysInPeriod = Math.round((Date.parse(end) - Date.parse(first)) / 86_400_000) + 1;
  return [...codes]
    .map((code) => {
      const own = batches.filter((b) => b.medicine_code === code);
      const entries = movements
        .filter((m) => medicineOf.get(m.batch_id) === code)
        .map((m) => ({ batchId: m.batch_id, on: m.at.slice(0, 10), quantity: m.quantity }));
      const d = demand.find((x) => x.medicine_code === code);
      const name = names.get(code);
      return {
        medicineCode: code,
        dci: name?.dci ?? code,
        form: name?.form ?? '',
        strength: name?.strength ?? '',
        requests: Number(d?.requests ?? 0),
        unmetUnits: Number(d?.units ?? 0),
        daysOutOfStock: daysOutOfStock(own, entries, first, end),
        daysInPeriod,
      };
    })
    .filter((r) => r.requests > 0 || r.daysOutOfStock > 0)
    .sort((a, b) => b.unmetUnits - a.unmetUnits || b.daysOutOfStock - a.daysOutOfStock || a.dci.localeCompare(b.dci));
}
