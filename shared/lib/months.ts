import { z } from 'zod';
import { addDays } from './dates';

/** A calendar month as YYYY-MM. */
export const isoMonth = z
  .string({ message: 'Mois attendu (AAAA-MM)' })
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mois attendu au format AAAA-MM (ex. 2026-11)');

/** First and last day of the month (YYYY-MM-DD). */
export function monthBounds(month: string): { first: string; last: string } {
  const first = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { first, last: addDays(next, -1) };
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
/** 2026-11 → novembre 2026 */
/** 2026-08 → « d’août 2026 », 2026-11 → « de novembre 2026 »: the month after « de », elided before a vowel. */
export function ofMonth(month: string): string {
  const name = frenchMonth(month);
  return /^[aeiouyéè]/i.test(name) ? `d’${name}` : `de ${name}`;
}

export function frenchMonth(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/** « 11/2026 », « 11-2026 », « 11.2026 » or « 2026-11 » → 2026-11; null when it is not a month. */
export function parseMonth(text: string): string | null {
  const t = text.trim();
  const french = /^(\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{1,2})$/.exec(t);
  const [year, month] = french ? [french[2]!, french[1]!] : iso ? [iso[1]!, iso[2]!] : [null, null];
  if (!year || !month) return null;
  const m = Number(month);
  return m >= 1 && m <= 12 ? `${year}-${String(m).padStart(2, '0')}` : null;
}

/** The month `back` months before `month` (YYYY-MM); a negative `back` goes forward. */
export function monthBefore(month: string, back: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 - back, 1)).toISOString().slice(0, 7);
}
