import { describe, expect, it } from 'vitest';
import { regularisationAsOf, type RegistrySighting } from '../../shared/rules/regularisation';

const seen = (recordedOn: string, eligibleOnCareDay = true): RegistrySighting => ({ recordedOn, eligibleOnCareDay });

describe('regularisationAsOf', () => {
  it.each([
    // care day, days, sightings, as of → expected
    ['2026-11-10', 15, [], '2026-11-10', { status: 'pending', deadline: '2026-11-25' }],
    ['2026-11-10', 15, [], '2026-11-25', { status: 'pending', deadline: '2026-11-25' }],
    ['2026-11-10', 15, [], '2026-11-26', { status: 'lapsed', deadline: '2026-11-25' }],
    ['2026-11-10', 15, [seen('2026-11-20')], '2026-12-31', { status: 'regularised', on: '2026-11-20', deadline: '2026-11-25' }],
    ['2026-11-10', 15, [seen('2026-11-25')], '2026-12-31', { status: 'regularised', on: '2026-11-25', deadline: '2026-11-25' }],
    ['2026-11-10', 15, [seen('2026-11-26')], '2026-12-31', { status: 'lapsed', deadline: '2026-11-25' }],
    // A version recorded later than the day asked about is not known yet.
    ['2026-11-10', 15, [seen('2026-11-20')], '2026-11-15', { status: 'pending', deadline: '2026-11-25' }],
    // In the registry in time, but not eligible on the day of care (renewed from a later date only).
    ['2026-11-10', 15, [seen('2026-11-12', false)], '2026-12-01', { status: 'lapsed', deadline: '2026-11-25' }],
    // The first version recorded in time that covers the day counts, in whatever order given.
    [
      '2026-11-10',
      15,
      [seen('2026-11-30'), seen('2026-11-18'), seen('2026-11-12', false)],
      '2026-12-01',
      { status: 'regularised', on: '2026-11-18', deadline: '2026-11-25' },
    ],
    // Across a month, a year and 29 February.
    ['2028-02-20', 15, [], '2028-03-06', { status: 'pending', deadline: '2028-03-06' }],
    ['2028-02-20', 15, [], '2028-03-07', { status: 'lapsed', deadline: '2028-03-06' }],
    ['2026-12-31', 1, [seen('2027-01-01')], '2027-01-02', { status: 'regularised', on: '2027-01-01', deadline: '2027-01-01' }],
    ['2028-02-29', 30, [], '2028-03-30', { status: 'pending', deadline: '2028-03-30' }],
    ['2028-02-29', 30, [], '2028-03-31', { status: 'lapsed', deadline: '2028-03-30' }],
  ] as const)('care on %s, %i days, %j, as of %s', (careDay, days, sightings, asOf, expected) => {
    expect(regularisationAsOf({ careDay, days, sightings, asOf })).toEqual(expected);
  });
});
