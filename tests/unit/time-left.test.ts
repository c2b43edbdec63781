import { describe, expect, it } from 'vitest';
import { timeLeftText } from '../../shared/lib/time-left';

const MB = 1024 * 1024;

describe('timeLeftText: a long job’s time left from bytes done and time taken', () => {
  it.each<[string, number, number | null, number, string | null]>([
    ['nothing done yet', 0, 100 * MB, 5_000, null],
    ['total not known (the copy’s verification)', 10 * MB, null, 5_000, null],
    ['the step just started', 10 * MB, 100 * MB, 400, null],
    ['done', 100 * MB, 100 * MB, 60_000, null],
    ['a few seconds', 90 * MB, 100 * MB, 9_000, 'quelques secondes restantes'],
    ['half a minute, by steps of 5 s', 50 * MB, 100 * MB, 27_000, 'environ 30 s restantes'],
    ['a USB key copying 40 MB of 300 in 20 s', 40 * MB, 300 * MB, 20_000, 'environ 3 min restantes'],
    ['one minute, singular', 50 * MB, 100 * MB, 60_000, 'environ 1 min restante'],
    ['over an hour', 10 * MB, 100 * MB, 600_000, 'environ 1 h 30 restantes'],
    ['exactly two hours', 10 * MB, 130 * MB, 600_000, 'environ 2 h restantes'],
  ])('%s', (_, done, total, elapsed, expected) => expect(timeLeftText(done, total, elapsed)).toBe(expected));
});
