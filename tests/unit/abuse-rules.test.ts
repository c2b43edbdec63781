import { describe, expect, it } from 'vitest';
import { isOutlier, markOutliers, median, perEpisode, topRows } from '../../shared/rules/abuse-rules';

describe('the facility’s median', () => {
  it.each<[string, number[], number | null]>([
    ['no value', [], null],
    ['one value', [4], 4],
    ['an odd count, unsorted', [5, 1, 3], 3],
    ['an even count: the mean of the two middle ones', [1, 2, 3, 10], 2.5],
    ['all equal', [2, 2, 2, 2], 2],
  ])('%s', (_name, values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('the outlier line: more than twice the median', () => {
  it.each<[string, number, number | null, boolean]>([
    ['twice the median exactly is not past it', 4, 2, false],
    ['just past twice', 5, 2, true],
    ['no median', 9, null, false],
    ['a median of zero says nothing', 3, 0, false],
    ['below the median', 1, 2, false],
    ['a decimal median (2.5 → past 5)', 5.1, 2.5, true],
  ])('%s', (_name, value, med, expected) => {
    expect(isOutlier(value, med)).toBe(expected);
  });
});

describe('acts per episode', () => {
  it.each<[number, number, number]>([
    [0, 0, 0],
    [7, 2, 3.5],
    [10, 3, 3.3],
    [2, 3, 0.7],
  ])('%i acts on %i episodes → %f', (acts, episodes, expected) => {
    expect(perEpisode(acts, episodes)).toBe(expected);
  });
});

describe('ranking the rows', () => {
  const rows = [
    { name: 'Coulibaly', value: 2 },
    { name: 'Traoré', value: 5 },
    { name: 'Diarra', value: 1 },
    { name: 'Bah', value: 2 },
    { name: 'Keïta', value: 5 },
  ];
  it('highest first, ties by name (French order), below the minimum left out', () => {
    expect(topRows(rows, (r) => r.name, 2).map((r) => r.name)).toEqual(['Keïta', 'Traoré', 'Bah', 'Coulibaly']);
  });
  it('keeps at most the limit', () => {
    expect(topRows(rows, (r) => r.name, 0, 2).map((r) => r.name)).toEqual(['Keïta', 'Traoré']);
  });
  it('marks outliers against the median of every figure, not only the rows kept', () => {
    // Nine patients seen once, one seen three times: the median is 1, the line is 2.
    const kept = [{ value: 3, outlier: false }];
    const marked = markOutliers(kept, [1, 1, 1, 1, 1, 1, 1, 1, 1, 3]);
    expect(marked).toEqual({ rows: [{ value: 3, outlier: true }], median: 1 });
    expect(markOutliers(kept, [3, 3, 2]).rows[0]!.outlier).toBe(false);
  });
});
