import { describe, expect, it } from 'vitest';
import { clockFromEnvironment } from '../../electron/core/clock';

const REAL = Date.parse('2026-12-06T14:25:30.000Z');

describe('clockFromEnvironment (RAMED_TODAY)', () => {
  it('is the machine clock when RAMED_TODAY is absent or blank', () => {
    expect(
      clockFromEnvironment({}, () => REAL)
        .now()
        .toISOString(),
    ).toBe('2026-12-06T14:25:30.000Z');
    expect(
      clockFromEnvironment({ RAMED_TODAY: ' ' }, () => REAL)
        .now()
        .toISOString(),
    ).toBe('2026-12-06T14:25:30.000Z');
  });

  it.each([
    ['2026-12-31', '2026-12-31T14:25:30.000Z'],
    ['2027-01-01', '2027-01-01T14:25:30.000Z'],
    ['2028-02-29', '2028-02-29T14:25:30.000Z'],
    ['2020-03-01', '2020-03-01T14:25:30.000Z'],
  ])('moves the day to %s and keeps the time of day', (today, expected) => {
    expect(
      clockFromEnvironment({ RAMED_TODAY: today }, () => REAL)
        .now()
        .toISOString(),
    ).toBe(expected);
  });

  it('keeps running: an hour later on the machine is an hour later on the moved day, past midnight too', () => {
    let real = Date.parse('2027-06-10T23:30:00.000Z');
    const clock = clockFromEnvironment({ RAMED_TODAY: '2028-02-28' }, () => real);
    expect(clock.now().toISOString()).toBe('2028-02-28T23:30:00.000Z');
    real += 3_600_000;
    expect(clock.now().toISOString()).toBe('2028-02-29T00:30:00.000Z');
  });

  it.each(['2027-02-29', '2026-13-01', '06/12/2026', '2026-12-6', 'demain'])('refuses %s in French', (value) => {
    expect(() => clockFromEnvironment({ RAMED_TODAY: value }, () => REAL)).toThrow(/RAMED_TODAY attend une date réelle AAAA-MM-JJ/);
  });
});
