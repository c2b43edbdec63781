import { describe, expect, it } from 'vitest';
import { checkPlausibility, lookbackDays, stayDays, type EarlierLine, type PlausibilityRule } from '../../shared/rules/claim-plausibility';
import type { ClaimCheck, ClaimEpisodeInput, ClaimLine } from '../../shared/domain/claims';

const rule = (code: string, over: Partial<PlausibilityRule> = {}): PlausibilityRule => ({
  code,
  sex: null,
  ageMin: null,
  ageMax: null,
  minDaysBetween: null,
  maxPerPeriod: null,
  periodDays: null,
  perDay: false,
  maxPerDay: null,
  effectiveFrom: '2024-01-01',
  effectiveTo: null,
  ...over,
});
const RULES = [
  rule('MA-ACC', { sex: 'F', ageMin: 12, ageMax: 55, minDaysBetween: 180 }),
  rule('MA-CPN', { sex: 'F', maxPerPeriod: 8, periodDays: 280 }),
  rule('CS-CUR', { maxPerPeriod: 3, periodDays: 7 }),
  rule('HO-OBS', { perDay: true }),
  rule('PARA500C', { maxPerDay: 8 }),
  rule('OLD', { sex: 'F', effectiveTo: '2026-10-31' }),
];

let nextLine = 1;
const line = (code: string, performedOn: string, quantity = 1, kind: ClaimLine['kind'] = 'acte'): ClaimLine => ({
  key: `prestation:${nextLine++}`,
  source: 'prestation',
  episodeId: 0,
  kind,
  code,
  label: code,
  category: kind === 'acte' ? 'consultation' : 'medicaments',
  performedOn,
  quantity,
  unitPrice: 100,
  amount: 100 * quantity,
  payer: 'ramed',
});
const episode = (id: number, lines: ClaimLine[], over: Partial<ClaimEpisodeInput> = {}): ClaimEpisodeInput => ({
  episodeId: id,
  number: `EP-2026-00000${id}`,
  personId: 1,
  recepisse: '1111234567890',
  patientName: 'TRAORÉ Awa',
  sex: 'F',
  birthDate: '1990-03-12',
  type: 'consultation_externe',
  emergency: false,
  referralFrom: null,
  identityDocument: 'cni_nina',
  identityMatches: true,
  openedOn: lines[0]?.performedOn ?? '2026-11-10',
  endedOn: lines.at(-1)?.performedOn ?? '2026-11-10',
  eligibility: { eligible: true, reasons: [] },
  lines: lines.map((l) => ({ ...l, episodeId: id })),
  ...over,
});
const codes = (episodes: ClaimEpisodeInput[], earlier: EarlierLine[] = []) =>
  checkPlausibility(episodes, RULES, earlier).map((f) => [f.code, f.episodeId] as [ClaimCheck, number]);

describe('plausibility rules', () => {
  it.each<[string, ClaimEpisodeInput[], Array<[ClaimCheck, number]>]>([
    ['a delivery for a woman of 36', [episode(1, [line('MA-ACC', '2026-11-10')])], []],
    [
      'a delivery for a 58-year-old man',
      [episode(1, [line('MA-ACC', '2026-11-10')], { sex: 'M', birthDate: '1968-05-02' })],
      [
        ['IMPLAUSIBLE_SEX', 1],
        ['IMPLAUSIBLE_AGE', 1],
      ],
    ],
    [
      'a delivery for a girl of 11, the day before her 12th birthday',
      [episode(1, [line('MA-ACC', '2026-11-10')], { birthDate: '2014-11-11' })],
      [['IMPLAUSIBLE_AGE', 1]],
    ],
    ['a delivery on her 12th birthday', [episode(1, [line('MA-ACC', '2026-11-10')], { birthDate: '2014-11-10' })], []],
    [
      'a delivery at 55 (born 29 February, on 28 February of a common year)',
      [episode(1, [line('MA-ACC', '2027-02-28')], { birthDate: '1972-02-29' })],
      [],
    ],
    [
      'a delivery at 56 (born 29 February, on 1 March)',
      [episode(1, [line('MA-ACC', '2028-03-01')], { birthDate: '1972-02-29' })],
      [['IMPLAUSIBLE_AGE', 1]],
    ],
    ['a rule no longer in force', [episode(1, [line('OLD', '2026-11-10')], { sex: 'M' })], []],
    ['a rule in force on its last day', [episode(1, [line('OLD', '2026-10-31')], { sex: 'M' })], [['IMPLAUSIBLE_SEX', 1]]],
    [
      'two deliveries 100 days apart',
      [episode(1, [line('MA-ACC', '2026-08-01')]), episode(2, [line('MA-ACC', '2026-11-09')])],
      [['REPEAT_TOO_SOON', 2]],
    ],
    ['two deliveries 180 days apart', [episode(1, [line('MA-ACC', '2026-05-13')]), episode(2, [line('MA-ACC', '2026-11-09')])], []],
    [
      '5 visits in 5 days',
      [1, 2, 3, 4, 5].map((d) => episode(d, [line('CS-CUR', `2026-11-0${d}`)])),
      [
        ['OVER_PERIOD_LIMIT', 4],
        ['OVER_PERIOD_LIMIT', 5],
      ],
    ],
    ['3 visits in 7 days', [1, 4, 7].map((d) => episode(d, [line('CS-CUR', `2026-11-0${d}`)])), []],
    ['4 visits, the first 7 days before the last', [1, 4, 7, 8].map((d) => episode(d, [line('CS-CUR', `2026-11-0${d}`)])), []],
    [
      '3 days of observation for a 2-day stay',
      [episode(1, [line('HO-OBS', '2026-11-10', 3)], { openedOn: '2026-11-10', endedOn: '2026-11-11' })],
      [['DAYS_OVER_STAY', 1]],
    ],
    [
      '2 days of observation for a 2-day stay, on two lines',
      [episode(1, [line('HO-OBS', '2026-11-10'), line('HO-OBS', '2026-11-11')])],
      [],
    ],
    [
      '25 tablets of paracetamol over 3 days (8 a day at most)',
      [episode(1, [line('PARA500C', '2026-11-10', 25, 'medicament')], { openedOn: '2026-11-10', endedOn: '2026-11-12' })],
      [['DOSE_OVER_MAXIMUM', 1]],
    ],
    [
      '24 tablets of paracetamol over 3 days',
      [episode(1, [line('PARA500C', '2026-11-10', 24, 'medicament')], { openedOn: '2026-11-10', endedOn: '2026-11-12' })],
      [],
    ],
    [
      'two overlapping stays',
      [
        episode(1, [], { type: 'hospitalisation', openedOn: '2026-11-10', endedOn: '2026-11-14' }),
        episode(2, [], { type: 'maternite', openedOn: '2026-11-12', endedOn: '2026-11-13' }),
      ],
      [['OVERLAPPING_STAYS', 2]],
    ],
    [
      'two stays back to back (one leaves the day the other begins)',
      [
        episode(1, [], { type: 'hospitalisation', openedOn: '2026-11-10', endedOn: '2026-11-14' }),
        episode(2, [], { type: 'hospitalisation', openedOn: '2026-11-14', endedOn: '2026-11-16' }),
      ],
      [],
    ],
    [
      'overlapping stays of two patients',
      [
        episode(1, [], { type: 'hospitalisation', openedOn: '2026-11-10', endedOn: '2026-11-14' }),
        episode(2, [], { type: 'hospitalisation', openedOn: '2026-11-12', endedOn: '2026-11-13', personId: 2 }),
      ],
      [],
    ],
  ])('%s', (_name, episodes, expected) => {
    expect(codes(episodes)).toEqual(expected);
  });

  it('counts the patient’s earlier lines (earlier claims) without flagging them', () => {
    const earlier: EarlierLine[] = [
      { personId: 1, code: 'MA-ACC', performedOn: '2026-09-30', quantity: 1 },
      { personId: 1, code: 'CS-CUR', performedOn: '2026-10-30', quantity: 1 },
      { personId: 1, code: 'CS-CUR', performedOn: '2026-10-31', quantity: 1 },
      { personId: 2, code: 'CS-CUR', performedOn: '2026-10-31', quantity: 5 },
    ];
    const flags = checkPlausibility(
      [episode(1, [line('MA-ACC', '2026-11-02')]), episode(2, [line('CS-CUR', '2026-11-01')]), episode(3, [line('CS-CUR', '2026-11-02')])],
      RULES,
      earlier,
    );
    expect(flags.map((f) => [f.code, f.episodeId])).toEqual([
      ['REPEAT_TOO_SOON', 1],
      ['OVER_PERIOD_LIMIT', 3],
    ]);
    expect(flags[0]!.message).toBe(
      '« MA-ACC » pour TRAORÉ Awa le 02/11/2026, 33 jour(s) après celui du 30/09/2026 : 180 jours au moins entre deux.',
    );
  });

  it('says why in French', () => {
    const [sex, age] = checkPlausibility(
      [episode(1, [line('MA-ACC', '2026-11-10')], { sex: 'M', birthDate: '1968-05-02', patientName: 'KONÉ Bakary' })],
      RULES,
      [],
    );
    expect(sex!.message).toBe('« MA-ACC » facturé pour un homme (KONÉ Bakary) : cet acte est réservé à une femme.');
    expect(age!.message).toBe('« MA-ACC » pour un patient de 58 an(s) le 10/11/2026 : prévu de 12 à 55 ans.');
  });

  it.each([
    [{ openedOn: '2026-11-10', endedOn: '2026-11-10' }, 1],
    [{ openedOn: '2026-12-31', endedOn: '2027-01-01' }, 2],
    [{ openedOn: '2028-02-28', endedOn: '2028-03-01' }, 3],
  ])('a stay %o lasts %i day(s)', (e, days) => expect(stayDays(e)).toBe(days));

  it('looks back as far as the longest period or gap', () => expect(lookbackDays(RULES)).toBe(280));
});
