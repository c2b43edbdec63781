import type { ReactNode } from 'react';
import { formatDateTime, formatFcfa, formatNumber } from '../../lib/format';

export interface DataColumn<T> {
  key: string;
  header: string;
  /** The cell's plain value: sorted, filtered, exported to CSV, summed when `total`. */
  value: (row: T) => string | number | null;
  /** What the cell shows (default: the value, money and numbers the French way, an ISO instant as « 16/11/2026 09:30 »). */
  render?: (row: T) => ReactNode;
  kind?: 'text' | 'number' | 'money' | 'datetime';
  /** A long text (a file name) cut to the column's width, whole in its tooltip. */
  clip?: boolean;
  /**
   * Sum this column over the filtered rows in a totals row; a function says what each row adds (a
   * row that repeats another, such as a replaced version, adds 0).
   */
  total?: boolean | ((row: T) => number | null);
  /** A column of buttons: neither sorted nor exported. */
  actions?: boolean;
  width?: string;
}

/** Server-side paging for tables too large to load at once (the audit, the registry). */
export interface ServerPaging {
  total: number;
  pageIndex: number;
  pageSize: number;
  onPageChange(pageIndex: number): void;
  /** Sorting done by the server: the columns it can sort by, the current order, and how to change it. */
  sort?: { key: string; desc: boolean; sortable: readonly string[]; onSortChange(key: string): void };
}

/** Numbers and money are right-aligned; a date and time never wraps. */
export const numClass = (column: DataColumn<never>): string | undefined =>
  column.kind === 'number' || column.kind === 'money' ? 'num' : column.kind === 'datetime' ? 'nowrap' : undefined;

/** A plain value as the cell shows it: money and numbers the French way, a dash for nothing. */
export const display = (column: DataColumn<never>, value: string | number | null): ReactNode => {
  if (value === null || value === '') return '—';
  if (column.kind === 'money' && typeof value === 'number') return formatFcfa(value);
  if (column.kind === 'number' && typeof value === 'number') return formatNumber(value);
  if (column.kind === 'datetime' && typeof value === 'string') return formatDateTime(value);
  return value;
};
