import { describe, expect, it } from 'vitest';
import { planVersions, type IncomingVersion, type Version } from '../../electron/core/reference/versions';

type Content = { price: number };
const rules = {
  differences: (a: Content, b: Content) => (a.price === b.price ? [] : [`prix : ${a.price} → ${b.price}`]),
  describeKey: (key: string) => `l’acte ${key}`,
};
const open: Version<Content> = { id: 1, from: '2024-01-01', to: null, content: { price: 500 } };
const line = (n: number, from: string, price: number, to: string | null = null): IncomingVersion<Content> => ({
  key: 'A',
  line: n,
  from,
  to,
  content: { price },
});

describe('planVersions', () => {
  it.each([
    ['a re-import of the same version changes nothing', [open], [line(2, '2024-01-01', 500)], { unchanged: 1, inserts: [], closes: [] }],
    [
      'a new version ends the open period the day before',
      [open],
      [line(2, '2026-11-15', 600)],
      { inserts: [{ from: '2026-11-15', to: null, content: { price: 600 } }], closes: [{ id: 1, to: '2026-11-14' }] },
    ],
    [
      'an older version ends where the recorded one begins',
      [open],
      [line(2, '2023-06-01', 400)],
      { inserts: [{ from: '2023-06-01', to: '2023-12-31' }], closes: [] },
    ],
    [
      'an end date given to the open version closes it',
      [open],
      [line(2, '2024-01-01', 500, '2026-12-31')],
      { inserts: [], closes: [{ id: 1, to: '2026-12-31' }] },
    ],
    [
      'versions of one file chain whatever their order',
      [open],
      [line(2, '2026-12-01', 700), line(3, '2026-11-15', 600)],
      {
        inserts: [
          { from: '2026-11-15', to: '2026-11-30', line: 3 },
          { from: '2026-12-01', to: null, line: 2 },
        ],
        closes: [{ id: 1, to: '2026-11-14' }],
      },
    ],
    [
      'a version inserted between two recorded ones takes the gap',
      [
        { id: 1, from: '2024-01-01', to: '2025-12-31', content: { price: 500 } },
        { id: 2, from: '2026-01-01', to: null, content: { price: 700 } },
      ],
      [line(2, '2025-07-01', 600)],
      { inserts: [{ from: '2025-07-01', to: '2025-12-31' }], closes: [{ id: 1, to: '2025-06-30' }] },
    ],
  ])('%s', (_name, existing, incoming, expected) => {
    const plan = planVersions(new Map([['A', existing]]), incoming, rules);
    expect(plan.errors).toEqual([]);
    expect(plan).toMatchObject({ unchanged: 0, ...expected });
    expect(plan.inserts).toHaveLength(expected.inserts.length);
  });

  it.each([
    ['a recorded version with other content', [open], [line(4, '2024-01-01', 600)], /a déjà une version au 01\/01\/2024.*prix : 500 → 600/],
    ['the same version twice in the file', [], [line(2, '2026-01-01', 600), line(5, '2026-01-01', 600)], /la ligne 2 donne déjà/],
    [
      'an end date overlapping the next version',
      [{ id: 2, from: '2026-01-01', to: null, content: { price: 700 } }],
      [line(3, '2025-01-01', 600, '2026-03-31')],
      /chevauche la version en vigueur à partir du 01\/01\/2026/,
    ],
  ])('refuses %s', (_name, existing, incoming, message) => {
    const plan = planVersions(new Map([['A', existing]]), incoming, rules);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]!.reason).toMatch(message);
  });
});
