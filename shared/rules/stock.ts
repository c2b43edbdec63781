import { addDays } from '../lib/dates';

/**
 * Pure stock rules. A batch is usable on day D when D is before its expiry date: on the expiry day
 * itself it is expired (the patient takes the medicine home; a unit expiring that day is never given).
 */
export const isUsable = (expiry: string, day: string): boolean => day < expiry;

export interface FefoBatch {
  id: number;
  expiry: string;
  receivedOn: string;
  quantity: number;
}

export interface Allocation {
  batchId: number;
  quantity: number;
}

export type FefoResult = { ok: true; allocations: Allocation[] } | { ok: false; available: number };

/** Usable batches in FEFO order: earliest expiry first, then the oldest receipt, then the first entered. */
export function fefoOrder<B extends FefoBatch>(batches: readonly B[], day: string): B[] {
  return batches
    .filter((b) => b.quantity > 0 && isUsable(b.expiry, day))
    .sort((a, b) => a.expiry.localeCompare(b.expiry) || a.receivedOn.localeCompare(b.receivedOn) || a.id - b.id);
}

/** Takes `quantity` units from the usable batches in FEFO order, across as many batches as needed. */
export function allocateFefo(batches: readonly FefoBatch[], quantity: number, day: string): FefoResult {
  const ordered = fefoOrder(batches, day);
  const available = ordered.reduce((sum, b) => sum + b.quantity, 0);
  if (available < quantity) return { ok: false, available };
  const allocations: Allocation[] = [];
  let left = quantity;
  for (const b of ordered) {
    if (left === 0) break;
    const take = Math.min(left, b.quantity);
    allocations.push({ batchId: b.id, quantity: take });
    left -= take;
  }
  return { ok: true, allocations };
}

export interface LedgerEntry {
  batchId: number;
  /** The day of the entry (YYYY-MM-DD). */
  on: string;
  quantity: number;
}

/**
 * Days out of stock of one medicine between `from` and `to` (inclusive): a day counts when, at the
 * end of that day, no usable unit is left, that is the ledger entries up to that day sum to zero
 * over every batch whose expiry is after that day. A day before the first receipt counts too: the
 * medicine was not held.
 */
export function daysOutOfStock(
  batches: ReadonlyArray<{ id: number; expiry: string }>,
  entries: readonly LedgerEntry[],
  from: string,
  to: string,
): number {
  const expiry = new Map(batches.map((b) => [b.id, b.expiry]));
  const sorted = [...entries].sort((a, b) => a.on.localeCompare(b.on));
  const balance = new Map<number, number>();
  let next = 0;
  let days = 0;
  // Entries before the period set the opening balances.
  for (; next < sorted.length && sorted[next]!.on < from; next++) {
    const e = sorted[next]!;
    balance.set(e.batchId, (balance.get(e.batchId) ?? 0) + e.quantity);
  }
  for (let day = from; day <= to; day = addDays(day, 1)) {
    for (; next < sorted.length && sorted[next]!.on === day; next++) {
      const e = sorted[next]!;
      balance.set(e.batchId, (balance.get(e.batchId) ?? 0) + e.quantity);
    }
    let usable = 0;
    for (const [batchId, units] of balance) if (isUsable(expiry.get(batchId) ?? '', day)) usable += units;
    if (usable <= 0) days++;
  }
  return days;
}

/** The first and last day of a month given as YYYY-MM. */
export function monthBounds(month: string): { first: string; last: string } {
  const first = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { first, last };
}
