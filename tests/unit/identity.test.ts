import { describe, expect, it } from 'vitest';
import { compareNina } from '../../shared/rules/identity';

describe('compareNina', () => {
  it.each([
    ['15068012345678B', '15068012345678B', 'match'],
    ['1506 8012-345678b', '15068012345678B', 'match'],
    ['1506.8012.3456.78B', '1506 8012 3456 78B', 'match'],
    ['15068012345679C', '15068012345678B', 'mismatch'],
    ['', '15068012345678B', null],
    ['  ', '15068012345678B', null],
    ['15068012345678B', null, null],
    [null, null, null],
  ] as const)('%s against the registry’s %s: %s', (typed, registry, expected) => {
    expect(compareNina(typed, registry)).toBe(expected);
  });
});
