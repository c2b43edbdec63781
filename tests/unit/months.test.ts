import { describe, expect, it } from 'vitest';
import { ofMonth, parseMonth } from '../../shared/lib/months';

describe('ofMonth', () => {
  it.each([
    ['2026-08', 'd’août 2026'],
    ['2026-04', 'd’avril 2026'],
    ['2026-10', 'd’octobre 2026'],
    ['2026-11', 'de novembre 2026'],
    ['2027-01', 'de janvier 2027'],
    ['2026-12', 'de décembre 2026'],
  ])('%s → %s', (month, expected) => expect(ofMonth(month)).toBe(expected));
});

describe('parseMonth', () => {
  it.each([
    ['11/2026', '2026-11'],
    ['1/2027', '2027-01'],
    ['11-2026', '2026-11'],
    ['11.2026', '2026-11'],
    [' 2026-11 ', '2026-11'],
    ['2026-1', '2026-01'],
    ['13/2026', null],
    ['00/2026', null],
    ['2026/11', null],
    ['novembre', null],
    ['', null],
  ])('%j → %j', (text, expected) => expect(parseMonth(text)).toBe(expected));
});
