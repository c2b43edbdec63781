import { frenchMonth, monthBounds } from '../../lib/months';
import type { StatisticsPeriod } from '../../domain/statistics';

export interface PeriodBounds {
  /** `2026-10` or `2026`. */
  key: string;
  /** `octobre 2026` or `année 2026`. */
  label: string;
  first: string;
  last: string;
  /** The months of the period (YYYY-MM), in order. */
  months: string[];
}

export function periodBounds(period: StatisticsPeriod): PeriodBounds {
  if (period.kind === 'month') {
    const { first, last } = monthBounds(period.month);
    return { key: period.month, label: frenchMonth(period.month), first, last, months: [period.month] };
  }
  const year = String(period.year);
  return {
    key: year,
    label: `année ${year}`,
    first: `${year}-01-01`,
    last: `${year}-12-31`,
    months: Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`),
  };
}
