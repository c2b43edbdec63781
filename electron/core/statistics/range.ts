import { sql } from 'kysely';
import { addDays } from '../../../shared/lib/dates';

/** A run of days, and the bounds timestamps (ISO, UTC = Bamako) compare against. */
export interface DayRange {
  /** First day, YYYY-MM-DD. */
  first: string;
  /** Last day counted, YYYY-MM-DD. */
  last: string;
  /** The day after `last`: a timestamp `t` is in the range when `first <= t < end`. */
  end: string;
}

export const dayRange = (first: string, last: string): DayRange => ({ first, last, end: addDays(last, 1) });

/** The month (YYYY-MM) of an ISO date or timestamp column, with literal bounds so PostgreSQL groups by the same expression. */
export const monthOf = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 7)`;
