import { monthBefore } from '../../../shared/lib/months';
import { thisMonth } from './today';

// Not in today.ts: the login's script reads today.ts, and shared/lib/months.ts brings zod with it.

/** The month `back` months before this one, YYYY-MM. */
export const monthsAgo = (back: number): string => monthBefore(thisMonth(), back);
