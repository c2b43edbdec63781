/**
 * Pure rules of the « Contrôle des abus »: the facility's own median, the outlier line against
 * it, and the ranking of rows. No database, no clock.
 */

/** A figure more than this many times the facility's median is « hors norme ». */
export const OUTLIER_FACTOR = 2;
/** Rows shown per table, the highest first. */
export const CONTROL_ROWS = 20;
/** A type of episode needs this many episodes in the month before its median means anything. */
export const MIN_PEERS = 3;

/** The middle value (the mean of the two middle ones for an even count); null for no value. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Past the line: strictly more than `OUTLIER_FACTOR` × a positive median. */
export function isOutlier(value: number, med: number | null, factor = OUTLIER_FACTOR): boolean {
  return med !== null && med > 0 && value > factor * med;
}

/** Acts per episode, to one decimal (0 for no episode). */
export function perEpisode(acts: number, episodes: number): number {
  return episodes > 0 ? Math.round((acts / episodes) * 10) / 10 : 0;
}

/**
 * The rows worth a look, highest figure first: at least `min`, ties by name so the order never
 * depends on the database; at most `limit` of them.
 */
export function topRows<T extends { value: number }>(rows: readonly T[], name: (row: T) => string, min: number, limit = CONTROL_ROWS): T[] {
  return rows
    .filter((r) => r.value >= min)
    .sort((a, b) => b.value - a.value || name(a).localeCompare(name(b), 'fr'))
    .slice(0, limit);
}

/** Marks each row past the median of all the figures given (the whole facility, not just the rows kept). */
export function markOutliers<T extends { value: number; outlier: boolean }>(
  rows: readonly T[],
  all: readonly number[],
): { rows: T[]; median: number | null } {
  const med = median(all);
  return { rows: rows.map((r) => ({ ...r, outlier: isOutlier(r.value, med) })), median: med };
}
