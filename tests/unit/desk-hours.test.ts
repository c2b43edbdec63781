import { describe, expect, it } from 'vitest';
import { DESK_OPENS, DESK_SPAN, deskMinute } from '../../electron/core/demo/desk-hours';

const hm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

describe('the demo desk’s minute of a drawn time', () => {
  it.each([
    // [what, day, now (UTC), drawn, expected HH:MM]
    ['another day keeps the drawn hour', '2027-01-31', '2028-02-29T01:00:00Z', 0, '07:30'],
    ['another day, the last minute', '2027-01-31', '2028-02-29T01:00:00Z', DESK_SPAN - 1, '16:29'],
    ['today at noon: the latest draw stays before noon', '2028-02-29', '2028-02-29T12:00:00Z', DESK_SPAN - 1, '11:59'],
    ['today at noon: the first draw is the opening', '2028-02-29', '2028-02-29T12:00:00Z', 0, '07:30'],
    ['today after closing: the desk’s whole day', '2028-02-29', '2028-02-29T20:00:00Z', DESK_SPAN - 1, '16:29'],
    ['today before opening: the night from midnight', '2027-01-01', '2027-01-01T02:00:00Z', DESK_SPAN - 1, '01:59'],
    ['today at midnight sharp: midnight', '2027-01-01', '2027-01-01T00:00:00Z', DESK_SPAN - 1, '00:00'],
  ] as const)('%s', (_what, day, now, drawn, expected) => {
    const today = now.slice(0, 10);
    const minute = deskMinute(day, today, new Date(now), drawn);
    expect(hm(minute)).toBe(expected);
    if (day === today) expect(minute).toBeLessThanOrEqual(new Date(now).getUTCHours() * 60 + new Date(now).getUTCMinutes());
  });

  it('is the opening plus the draw on any day but today', () => {
    expect(deskMinute('2026-12-30', '2026-12-31', new Date('2026-12-31T03:00:00Z'), 42)).toBe(DESK_OPENS + 42);
  });
});
