import { describe, expect, it } from 'vitest';
import { allocateFefo, daysOutOfStock, isUsable, monthBounds } from '../../shared/rules/stock';

const b = (id: number, expiry: string, quantity: number, receivedOn = '2026-01-01') => ({ id, expiry, quantity, receivedOn });

describe('isUsable: a batch is expired from its expiry day on', () => {
  it.each([
    ['2026-11-17', '2026-11-16', true],
    ['2026-11-16', '2026-11-16', false],
    ['2026-11-15', '2026-11-16', false],
  ])('expiry %s on %s → %s', (expiry, day, expected) => expect(isUsable(expiry, day)).toBe(expected));
});

describe('allocateFefo', () => {
  it.each([
    {
      name: 'earliest expiry first',
      batches: [b(1, '2027-06-30', 10), b(2, '2027-01-31', 10)],
      qty: 4,
      expected: [{ batchId: 2, quantity: 4 }],
    },
    {
      name: 'same expiry: oldest receipt',
      batches: [b(1, '2027-01-31', 10, '2026-05-01'), b(2, '2027-01-31', 10, '2026-03-01')],
      qty: 4,
      expected: [{ batchId: 2, quantity: 4 }],
    },
    {
      name: 'spans batches',
      batches: [b(1, '2027-02-28', 3), b(2, '2027-01-31', 3), b(3, '2027-03-31', 3)],
      qty: 7,
      expected: [
        { batchId: 2, quantity: 3 },
        { batchId: 1, quantity: 3 },
        { batchId: 3, quantity: 1 },
      ],
    },
    {
      name: 'skips expired and empty',
      batches: [b(1, '2026-11-16', 50), b(2, '2027-01-31', 0), b(3, '2027-02-28', 5)],
      qty: 5,
      expected: [{ batchId: 3, quantity: 5 }],
    },
  ])('$name', ({ batches, qty, expected }) =>
    expect(allocateFefo(batches, qty, '2026-11-16')).toEqual({ ok: true, allocations: expected }),
  );

  it('answers the usable quantity when short', () => {
    expect(allocateFefo([b(1, '2026-11-16', 50), b(2, '2027-01-31', 6)], 10, '2026-11-16')).toEqual({ ok: false, available: 6 });
  });
});

describe('daysOutOfStock', () => {
  const batches = [{ id: 1, expiry: '2026-11-20' }];
  it.each([
    { name: 'never held: every day', entries: [], expected: 30 },
    { name: 'held all month until expiry on the 20th', entries: [{ batchId: 1, on: '2026-10-01', quantity: 10 }], expected: 11 },
    {
      name: 'emptied on the 5th, refilled on the 8th',
      entries: [
        { batchId: 1, on: '2026-10-01', quantity: 10 },
        { batchId: 1, on: '2026-11-05', quantity: -10 },
        { batchId: 1, on: '2026-11-08', quantity: 4 },
      ],
      expected: 3 + 11,
    },
  ])('$name', ({ entries, expected }) => expect(daysOutOfStock(batches, entries, '2026-11-01', '2026-11-30')).toBe(expected));
});

it('monthBounds', () => {
  expect(monthBounds('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
  expect(monthBounds('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
});
