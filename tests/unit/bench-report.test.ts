import { describe, expect, it } from 'vitest';
import { searchText } from '../bench/lookups';
import { FULL_SIZES, parseBenchArgs, QUICK_SIZES } from '../bench/options';
import { evaluate, formatFigure, markdownTable, ratioOf, textTable, type Measure } from '../bench/report';
import { seededRandom } from '../../shared/lib/seeded-random';
import { latencies, percentile, timeAlternately } from '../bench/stats';

describe('bench percentiles', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it.each([
    [50, 50],
    [95, 95],
    [99, 99],
    [100, 100],
    [0.5, 1],
  ])('p%s of 1..100 is %s (nearest rank)', (p, expected) => {
    expect(percentile(hundred, p)).toBe(expected);
  });

  it('rounds the rank up on a short series', () => {
    expect(percentile([10, 20, 30], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 99)).toBe(40);
    expect(percentile([7], 99)).toBe(7);
  });

  it('refuses no samples and percentiles outside ]0, 100]', () => {
    expect(() => percentile([], 50)).toThrow();
    expect(() => percentile([1], 0)).toThrow();
    expect(() => percentile([1], 101)).toThrow();
  });

  it('summarises unsorted samples without changing them', () => {
    const samples = [5, 1, 4, 2, 3];
    expect(latencies(samples)).toEqual({ count: 5, p50: 3, p95: 5, p99: 5, max: 5, mean: 3 });
    expect(samples).toEqual([5, 1, 4, 2, 3]);
  });
});

describe('bench inputs', () => {
  it('draws the same numbers from the same seed, others from another', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const draws = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(draws);
    expect(seededRandom(8)()).not.toBe(draws[0]);
    expect(draws.every((d) => d >= 0 && d < 1)).toBe(true);
  });

  it('times both sides on every input, alternating blocks and which side goes first', async () => {
    const order: string[] = [];
    const times = await timeAlternately(
      [1, 2, 3, 4, 5],
      async (n) => order.push(`s${n}`),
      async (n) => order.push(`b${n}`),
      2,
    );
    expect(order).toEqual(['s1', 's2', 'b1', 'b2', 'b3', 'b4', 's3', 's4', 's5', 'b5']);
    expect(times.subject).toHaveLength(5);
    expect(times.baseline).toHaveLength(5);
  });

  it('types names as a desk agent does: starts of names, no accents, swapped words', () => {
    const person = { family_name: 'Keïta', given_names: 'Aïssata Fanta' };
    expect([0, 1, 2, 3].map((i) => searchText(person, i))).toEqual(['Keï Aï', 'keita aissata', 'Aïssata Keïta', 'AISS KEIT']);
  });
});

describe('bench options', () => {
  it('runs everything at issue 13’s sizes into the committed results by default, targets checked', () => {
    const options = parseBenchArgs([]);
    expect(options).toMatchObject({ quick: false, sizes: FULL_SIZES, out: 'bench/results.json', checkTargets: true, seed: 1 });
    expect(options.parts).toEqual(['import', 'lookups', 'during-import', 'backup', 'claims', 'screen']);
  });

  it('keeps a quick, resized or partial run away from the committed results', () => {
    expect(parseBenchArgs(['--quick'])).toMatchObject({ sizes: QUICK_SIZES, checkTargets: false, out: 'bench/data/results-partial.json' });
    expect(parseBenchArgs(['--size', '500_000'])).toMatchObject({
      sizes: { ...FULL_SIZES, persons: 500_000 },
      checkTargets: true,
      out: 'bench/data/results-partial.json',
    });
    expect(parseBenchArgs(['--only', 'claims,import']).parts).toEqual(['import', 'claims']);
    expect(parseBenchArgs(['--quick', '--out', 'x.json']).out).toBe('x.json');
  });

  it.each([[['--size', '0']], [['--size', 'beaucoup']], [['--only', 'tout']], [['--vite']]])('refuses %j', (argv) => {
    expect(() => parseBenchArgs(argv)).toThrow();
  });
});

describe('bench report', () => {
  const measures: Measure[] = [
    {
      section: '1. Import',
      label: 'durée',
      unit: 's',
      value: 90,
      baseline: { label: 'shell', value: 30 },
      targets: [{ of: 'ratio', max: 3, inclusive: true }],
    },
    { section: '1. Import', label: 'débit', unit: 'lignes/s', value: 10_000, baseline: { label: 'shell', value: 40_000 } },
    { section: '1. Import', label: 'mémoire', unit: 'Mo', value: 400, baseline: null, targets: [{ of: 'value', max: 400 }] },
    {
      section: '2. Contrôle',
      label: 'p99',
      unit: 'ms',
      value: 1.2,
      baseline: { label: 'nu', value: 1 },
      targets: [
        { of: 'value', max: 2 },
        { of: 'ratio', max: 1.5, inclusive: true },
      ],
    },
  ];

  it('gives each figure as a multiple of its baseline’s cost, a rate inverted', () => {
    expect(measures.map(ratioOf)).toEqual([3, 4, null, 1.2]);
    expect(ratioOf({ ...measures[0]!, baseline: { label: 'x', value: 0 } })).toBeNull();
  });

  it('checks every target of a figure, bounds inclusive or not', () => {
    expect(evaluate(measures, true).map((m) => m.met)).toEqual([true, null, false, true]);
    expect(evaluate([{ ...measures[3]!, value: 1.6 }], true)[0]!.met).toBe(false);
    expect(evaluate([{ ...measures[3]!, value: 2.5, baseline: { label: 'nu', value: 2 } }], true)[0]!.met).toBe(false);
  });

  it('checks nothing in a quick run', () => {
    expect(evaluate(measures, false).map((m) => m.met)).toEqual([null, null, null, null]);
  });

  it('writes figures the French way with the digits that matter', () => {
    expect(formatFigure(0.0423, 'ms')).toBe('0,042 ms');
    expect(formatFigure(3.414, 'ms')).toBe('3,41 ms');
    expect(formatFigure(48.24, 'ms')).toBe('48,2 ms');
    expect(formatFigure(1234.5, 'lignes/s')).toBe('1 235 lignes/s');
  });

  it('prints a heading per section and a line per figure with its baseline, ratio, target and verdict', () => {
    const text = textTable(evaluate(measures, true));
    const lines = text.split('\n');
    expect(lines).toHaveLength(2 + 2 + measures.length);
    expect(lines[2]).toBe('1. Import');
    expect(lines[3]).toMatch(/^ {2}durée +90,0 s +shell +30,0 s +3,00× +≤ 3× réf\. +oui$/);
    expect(lines[5]).toMatch(/mémoire +400 Mo +— +< 400 Mo +NON$/);
    expect(lines[7]).toMatch(/p99 +1,20 ms +nu +1,00 ms +1,20× +< 2 ms et ≤ 1,5× réf\. +oui$/);
    const markdown = markdownTable(evaluate(measures, true)).split('\n');
    expect(markdown[2]).toBe('| **1. Import** | | | | | | |');
    expect(markdown[3]).toBe('| durée | 90,0 s | shell | 30,0 s | 3,00× | ≤ 3× réf. | oui |');
  });
});
