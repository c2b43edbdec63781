import type { StatisticsReport } from '../../../../../shared/domain/statistics';
import type { StatTable, StatTableKey } from '../../../../../shared/rules/statistics/tables';
import { COLORS } from '../charts';

/** What each group of the dashboard's sections receives: the report, and its tables by key. */
export interface SectionsProps {
  report: StatisticsReport;
  tables: ReadonlyMap<StatTableKey, StatTable>;
}

const SHORT_MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];
export const shortMonth = (month: string) => SHORT_MONTHS[Number(month.slice(5, 7)) - 1] ?? month;

/** A chart of one series. */
export const one = (key: string, name: string, color = COLORS.main) => [{ key, name, color }];
export const top = <T>(rows: readonly T[], n: number) => rows.slice(0, n);
