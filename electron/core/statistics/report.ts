import type { Kysely } from 'kysely';
import type { StatisticsFigures, StatisticsPeriod, StatisticsReport } from '../../../shared/domain/statistics';
import { periodBounds } from '../../../shared/rules/statistics/period';
import { shapeStatistics } from '../../../shared/rules/statistics/shape';
import { isoToday } from '../clock';
import type { ServiceContext } from '../context';
import type { Database } from '../db/schema/index';
import { DomainError } from '../errors';
import { getFacility } from '../facility/facility';
import { episodesByMonth, episodesByType, patientsByMonth, patientsSeen } from './activity';
import { medicinesByMonth, medicinesDispensed, prestationsByCategory, prestationsByMonth } from './care';
import { claimFigures } from './claims';
import { dayRange } from './range';
import { identityByAgent } from './agents';
import { deskChecks, identityChecks } from './reception';
import { stockOuts } from './stock';

/**
 * Every figure of the period from the database. A period still running is counted up to today;
 * episodes count by the day they were opened, care by the day it was given, medicines by the day
 * they were dispensed, desk checks by their day, claims by the month they claim.
 */
export async function statisticsFigures(db: Kysely<Database>, period: StatisticsPeriod, today: string): Promise<StatisticsFigures> {
  const bounds = periodBounds(period);
  const through = bounds.last < today ? bounds.last : today;
  const range = dayRange(bounds.first, through);
  const [
    facility,
    patients,
    byMonth,
    types,
    episodes,
    prestations,
    prestationMonths,
    medicines,
    medicineMonths,
    claims,
    stock,
    checks,
    identity,
    agents,
  ] = await Promise.all([
    getFacility(db),
    patientsSeen(db, range),
    patientsByMonth(db, range),
    episodesByType(db, range),
    episodesByMonth(db, range),
    prestationsByCategory(db, range),
    prestationsByMonth(db, range),
    medicinesDispensed(db, range),
    medicinesByMonth(db, range),
    claimFigures(db, bounds.months),
    stockOuts(db, range, today),
    deskChecks(db, range),
    identityChecks(db, range),
    identityByAgent(db, range),
  ]);
  return {
    period,
    through,
    today,
    facility,
    patients,
    months: bounds.months.map((month) => ({
      month,
      patients: byMonth.get(month) ?? { seen: 0, new: 0 },
      episodes: episodes.get(month) ?? 0,
      prestations: prestationMonths.get(month) ?? 0,
      medicines: medicineMonths.get(month) ?? 0,
    })),
    episodeTypes: types,
    prestations,
    medicines,
    ...claims,
    stock: stock.rows,
    stockFrom: stock.from,
    checks,
    identity,
    agents,
  };
}

/** The shaped report; a period that has not begun yet has no figures to show. */
export async function statisticsReport(ctx: ServiceContext, period: StatisticsPeriod): Promise<StatisticsReport> {
  const today = isoToday(ctx.clock);
  const bounds = periodBounds(period);
  if (today < bounds.first) {
    const what = period.kind === 'month' ? `Le mois de ${bounds.label}` : `L’${bounds.label}`;
    const message = `${what} n’a pas commencé : choisissez une période passée ou en cours.`;
    throw new DomainError('REFUSED', message, { [period.kind === 'month' ? 'month' : 'year']: message });
  }
  return shapeStatistics(await statisticsFigures(ctx.db, period, today));
}
