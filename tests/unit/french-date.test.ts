import { describe, expect, it } from 'vitest';
import { parseFrenchDate } from '../../renderer/src/lib/dates';

describe('a date typed the French way', () => {
  it.each([
    ['15/11/2026', '2026-11-15'],
    ['5/1/2026', '2026-01-05'],
    [' 29.02.2028 ', '2028-02-29'],
    ['01-12-2026', '2026-12-01'],
    ['', ''],
    ['   ', ''],
    ['29/02/2026', null],
    ['31/04/2026', null],
    ['2026-11-15', null],
    ['11/15/2026', null],
    ['15/11/26', null],
    ['demain', null],
  ])('%j → %j', (text, iso) => {
    expect(parseFrenchDate(text)).toBe(iso);
  });
});
