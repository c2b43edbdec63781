import { describe, expect, it } from 'vitest';
import type { TariffEntry } from '../../shared/domain/reference';
import { priceAct } from '../../shared/rules/pricing';
import { isPregnant, programmeFor, type CareFacts, type CareItem, type Programme } from '../../shared/rules/programmes';

const programme = (over: Partial<Programme> & Pick<Programme, 'code' | 'order'>): Programme => ({
  name: over.code,
  payer: 'Ministère de la Santé',
  acts: [],
  categories: [],
  medicines: [],
  caesarean: false,
  patients: [],
  icd10: [],
  effectiveFrom: '2024-01-01',
  effectiveTo: null,
  ...over,
});

const PROGRAMMES: Programme[] = [
  programme({ code: 'CESAR', order: 1, caesarean: true, acts: ['MA-CES'] }),
  programme({
    code: 'PALU',
    order: 2,
    acts: ['LB-TDR', 'LB-GE'],
    medicines: ['AL2012C', 'SP500C'],
    patients: [{ kind: 'under_age', years: 5 }, { kind: 'pregnant' }],
  }),
  programme({ code: 'TB', order: 3, categories: ['consultation', 'laboratoire'], icd10: ['A15', 'A16'] }),
  programme({ code: 'VIH', order: 4, categories: ['laboratoire'], icd10: ['B20', 'Z21'] }),
  // Ended before the day of care: never chosen.
  programme({ code: 'OLD', order: 0, acts: ['CS-CUR'], effectiveTo: '2025-12-31' }),
  // Starts after the day of care.
  programme({ code: 'NEW', order: 0, acts: ['CS-CUR'], effectiveFrom: '2029-01-01' }),
];

const act = (code: string, category: 'consultation' | 'laboratoire' | 'maternite' = 'laboratoire', caesarean = false): CareItem => ({
  kind: 'acte',
  code,
  category,
  caesarean,
});
const medicine = (code: string): CareItem => ({ kind: 'medicament', code });

// The day of care is 29 February 2028; a child born on 1 March 2023 is 4 years and 364 days old.
const facts = (over: Partial<CareFacts> = {}): CareFacts => ({
  date: '2028-02-29',
  birthDate: '1990-05-10',
  sex: 'F',
  pregnant: false,
  icd10: null,
  ...over,
});

describe('programmeFor: the first programme covering a line', () => {
  it.each([
    ['a caesarean, by its act flag', act('MA-CES', 'maternite', true), facts(), 'CESAR'],
    ['a caesarean code without the flag, by the act list', act('MA-CES', 'maternite'), facts(), 'CESAR'],
    ['a malaria test for a child of 4 years 364 days', act('LB-TDR'), facts({ birthDate: '2023-03-01' }), 'PALU'],
    ['a malaria test for a child of exactly 5 years', act('LB-TDR'), facts({ birthDate: '2023-02-28' }), null],
    ['a malaria treatment for a child under 5', medicine('AL2012C'), facts({ birthDate: '2024-06-01', sex: 'M' }), 'PALU'],
    ['a malaria treatment for a pregnant woman', medicine('AL2012C'), facts({ pregnant: true }), 'PALU'],
    ['a malaria treatment for a woman not pregnant', medicine('AL2012C'), facts(), null],
    ['a malaria treatment for a man said pregnant by mistake', medicine('AL2012C'), facts({ sex: 'M', pregnant: true }), null],
    ['a medicine no programme lists', medicine('AMOX500G'), facts({ birthDate: '2024-06-01' }), null],
    ['a TB consultation, by the diagnosis prefix', act('CS-CUR', 'consultation'), facts({ icd10: 'A15.0' }), 'TB'],
    ['a consultation without diagnosis', act('CS-CUR', 'consultation'), facts(), null],
    ['a consultation for another diagnosis', act('CS-CUR', 'consultation'), facts({ icd10: 'J18' }), null],
    ['a laboratory test for HIV', act('LB-NFS'), facts({ icd10: 'B20' }), 'VIH'],
    ['the first programme in order when two cover the line', act('LB-GE'), facts({ birthDate: '2024-06-01', icd10: 'A15' }), 'PALU'],
    ['no programme out of its period', act('CS-CUR', 'consultation'), facts({ icd10: 'Z00' }), null],
  ])('%s', (_name, item, care, expected) => {
    expect(programmeFor(PROGRAMMES, item, care)?.code ?? null).toBe(expected);
  });

  it('takes a programme on its first and last day', () => {
    const list = [programme({ code: 'P', order: 1, acts: ['X'], effectiveFrom: '2028-02-29', effectiveTo: '2028-02-29' })];
    expect(programmeFor(list, act('X'), facts())?.code).toBe('P');
    expect(programmeFor(list, act('X'), facts({ date: '2028-03-01' }))).toBeNull();
    expect(programmeFor(list, act('X'), facts({ date: '2028-02-28' }))).toBeNull();
  });
});

describe('isPregnant', () => {
  it.each([
    ['a maternity episode', { type: 'maternite', icd10: null }, 'F', true],
    ['a pregnancy diagnosis (chapter O)', { type: 'consultation_externe', icd10: 'O98.6' }, 'F', true],
    ['antenatal care (Z34)', { type: 'consultation_externe', icd10: 'Z34' }, 'F', true],
    ['another diagnosis', { type: 'consultation_externe', icd10: 'B50' }, 'F', false],
    ['a man in a maternity episode (a data error)', { type: 'maternite', icd10: null }, 'M', false],
  ] as const)('%s', (_name, episode, sex, expected) => {
    expect(isPregnant(episode, sex)).toBe(expected);
  });
});

describe('priceAct with programmes', () => {
  const tariff = (over: Partial<TariffEntry> & Pick<TariffEntry, 'code' | 'price'>): TariffEntry => ({
    id: 1,
    label: over.code,
    category: 'laboratoire',
    level: 'csref',
    effectiveFrom: '2024-01-01',
    effectiveTo: null,
    ramedCovered: true,
    maxQuantity: null,
    exclusion: null,
    caesarean: false,
    ...over,
  });
  const TARIFFS = [
    tariff({ code: 'LB-TDR', price: 1000 }),
    tariff({ code: 'MA-CES', price: 75000, category: 'maternite', ramedCovered: false, caesarean: true }),
  ];
  const request = (code: string, birthDate: string) => ({
    code,
    date: '2028-02-29',
    level: 'csref' as const,
    quantity: 1,
    coverage: { programmes: PROGRAMMES, facts: { birthDate, sex: 'M' as const, pregnant: false, icd10: null } },
  });

  it.each([
    ['a child of 4 years 364 days: the malaria programme', request('LB-TDR', '2023-03-01'), 'programme_cesarienne', 'PALU'],
    ['a child of 5 years: the RAMED', request('LB-TDR', '2023-02-28'), 'ramed', null],
    ['a caesarean: its programme', request('MA-CES', '1990-01-01'), 'programme_cesarienne', 'CESAR'],
    [
      'a caesarean with an empty programme list: still its programme',
      { ...request('MA-CES', '1990-01-01'), coverage: undefined },
      'programme_cesarienne',
      'CESAR',
    ],
  ])('%s', (_name, req, payer, code) => {
    expect(priceAct(TARIFFS, req)).toMatchObject({
      ok: true,
      line: { payer, programme: code, amount: req.code === 'MA-CES' ? 75000 : 1000 },
    });
  });
});
