import { describe, expect, it } from 'vitest';
import type { StatisticsFigures } from '../../shared/domain/statistics';
import { formatRate, keyFigures } from '../../shared/rules/statistics/key-figures';
import { periodBounds } from '../../shared/rules/statistics/period';
import { percentOf, ratio, refusalLabel, shapeStatistics } from '../../shared/rules/statistics/shape';
import { csvFileName, statisticsTables } from '../../shared/rules/statistics/tables';

/** An October with nothing recorded; each case adds what it needs. */
const empty = (over: Partial<StatisticsFigures> = {}): StatisticsFigures => ({
  period: { kind: 'month', month: '2026-10' },
  through: '2026-10-31',
  today: '2026-11-05',
  facility: { code: 'T01', name: 'CSCOM de Test', level: 'cscom', region: null, cercle: null, commune: null },
  patients: { seen: 0, new: 0 },
  months: [{ month: '2026-10', patients: { seen: 0, new: 0 }, episodes: 0, prestations: 0, medicines: 0 }],
  episodeTypes: [],
  prestations: [],
  medicines: [],
  claims: [],
  answers: null,
  payments: null,
  stock: [],
  stockFrom: '2026-10-01',
  checks: { checked: 0, refused: 0, admitted: 0, reasons: [] },
  identity: [],
  agents: [],
  ...over,
});

const medicine = (medicineCode: string, dci: string, amount: number) => ({
  medicineCode,
  dci,
  form: 'comprimé',
  strength: '500 mg',
  lines: 1,
  quantity: 10,
  amount,
});

describe('period bounds', () => {
  it.each([
    [{ kind: 'month', month: '2028-02' }, '2028-02', 'février 2028', '2028-02-01', '2028-02-29', 1],
    [{ kind: 'month', month: '2026-12' }, '2026-12', 'décembre 2026', '2026-12-01', '2026-12-31', 1],
    [{ kind: 'year', year: 2026 }, '2026', 'année 2026', '2026-01-01', '2026-12-31', 12],
  ] as const)('%j', (period, key, label, first, last, months) => {
    const bounds = periodBounds(period);
    expect(bounds).toMatchObject({ key, label, first, last });
    expect(bounds.months).toHaveLength(months);
  });
});

describe('rates', () => {
  it.each([
    [1, 3, 33, 1 / 3, '33,3 %'],
    [2, 3, 67, 2 / 3, '66,7 %'],
    [0, 5, 0, 0, '0 %'],
    [5, 5, 100, 1, '100 %'],
  ])('%i of %i', (part, whole, percent, fraction, formatted) => {
    expect(percentOf(part, whole)).toBe(percent);
    expect(ratio(part, whole)).toBeCloseTo(fraction);
    expect(formatRate(ratio(part, whole)!)).toBe(formatted);
  });
  it('has no rate of nothing', () => {
    expect(percentOf(0, 0)).toBeNull();
    expect(ratio(3, 0)).toBeNull();
  });
});

describe('shaping the figures', () => {
  it.each([
    ['REFERRAL_REQUIRED', 'Référence obligatoire : patient venu sans référence, hors urgence'],
    ['EXPIRED', 'Récépissé expiré'],
    ['UN_CODE_NOUVEAU', 'UN_CODE_NOUVEAU'],
  ])('labels the refusal %s', (code, label) => expect(refusalLabel(code)).toBe(label));

  it('shows every episode type and identity document, even at zero, and nothing unknown as a number', () => {
    const r = shapeStatistics(empty());
    expect(r.episodeTypes.map((t) => [t.type, t.episodes, t.share])).toEqual([
      ['consultation_externe', 0, null],
      ['urgence', 0, null],
      ['hospitalisation', 0, null],
      ['maternite', 0, null],
      ['autre', 0, null],
    ]);
    expect(r.identity).toHaveLength(6);
    expect(r.claims).toEqual({ months: [], claimed: 0, answered: null, reasons: [], paid: null, averageDelayDays: null });
    expect(r.eligibility.refusalRate).toBeNull();
    expect(r.running).toBe(false);
  });

  it.each([
    ['a month still running', { through: '2026-10-15', today: '2026-10-15' }, true],
    ['a month on its last day, still running until midnight', { through: '2026-10-31', today: '2026-10-31' }, true],
    ['a month over the next morning', { through: '2026-10-31', today: '2026-11-01' }, false],
  ] as const)('knows %s', (_name, over, running) => expect(shapeStatistics(empty(over)).running).toBe(running));

  it('orders medicines by amount, stock-outs by days, reasons by size; shares of the refused persons', () => {
    const r = shapeStatistics(
      empty({
        medicines: [medicine('B', 'Paracétamol', 300), medicine('A', 'Amoxicilline', 300), medicine('C', 'Zinc', 900)],
        stock: [
          {
            medicineCode: 'A',
            dci: 'Amoxicilline',
            form: 'gélule',
            strength: '',
            requests: 2,
            unmetUnits: 20,
            daysOutOfStock: 4,
            daysInPeriod: 31,
          },
          { medicineCode: 'S', dci: 'SRO', form: '', strength: '', requests: 1, unmetUnits: 4, daysOutOfStock: 31, daysInPeriod: 31 },
        ],
        checks: {
          checked: 10,
          refused: 4,
          admitted: 6,
          reasons: [
            { code: 'NOT_FOUND', refusals: 1 },
            { code: 'EXPIRED', refusals: 3 },
            { code: 'HOLDER_NOT_ELIGIBLE', refusals: 1 },
          ],
        },
      }),
    );
    expect(r.medicines.map((m) => [m.medicineCode, m.presentation])).toEqual([
      ['C', 'comprimé 500 mg'],
      ['A', 'comprimé 500 mg'],
      ['B', 'comprimé 500 mg'],
    ]);
    expect(r.medicinesAmount).toBe(1500);
    expect(r.stock.map((s) => [s.medicineCode, s.presentation])).toEqual([
      ['S', ''],
      ['A', 'gélule'],
    ]);
    // A person refused for two reasons counts in both: shares are of the 4 refused, not of the reasons.
    expect(r.eligibility.reasons.map((x) => [x.code, x.refusals, x.share])).toEqual([
      ['EXPIRED', 3, 75],
      ['HOLDER_NOT_ELIGIBLE', 1, 25],
      ['NOT_FOUND', 1, 25],
    ]);
    expect(r.eligibility.refusalRate).toBeCloseTo(0.4);
  });

  it.each<[string, Partial<StatisticsFigures>, { claimed: number | null } & Record<string, unknown>, Record<string, unknown>]>([
    [
      'a draft only',
      { claims: [{ month: '2026-10', version: 1, status: 'brouillon', claimed: null, signedAt: null }] },
      { statusLabel: 'Brouillon, non signée', claimed: null, accepted: null },
      { claimed: 0, answered: null, paid: null },
    ],
    [
      'a signed claim with answers and a payment',
      {
        claims: [{ month: '2026-10', version: 2, status: 'envoyee', claimed: 10_000, signedAt: '2026-11-03T10:00:00.000Z' }],
        answers: {
          months: [{ month: '2026-10', answered: 8000, accepted: 6000, rejected: 2000 }],
          reasons: [
            { code: 'A', label: 'a', lines: 3, amount: 500 },
            { code: 'B', label: 'b', lines: 1, amount: 1500 },
          ],
        },
        payments: { months: [{ month: '2026-10', paid: 6000 }], averageDelayDays: 41.5 },
      },
      { statusLabel: 'Envoyée', claimed: 10_000, accepted: 6000, rejected: 2000, paid: 6000 },
      {
        claimed: 10_000,
        answered: { amount: 8000, accepted: 6000, rejected: 2000, rejectionRate: 0.25 },
        paid: 6000,
        averageDelayDays: 41.5,
      },
    ],
  ])('reads the claims of %s', (_name, over, row, claims) => {
    const r = shapeStatistics(empty(over));
    expect(r.claims.months[0]).toMatchObject(row);
    expect(r.claims).toMatchObject(claims);
    expect(r.months[0]!.claimed).toBe(row.claimed);
  });

  it('sorts rejection reasons by amount rejected', () => {
    const r = shapeStatistics(
      empty({
        answers: {
          months: [],
          reasons: [
            { code: 'A', label: 'a', lines: 3, amount: 500 },
            { code: 'B', label: 'b', lines: 1, amount: 1500 },
          ],
        },
      }),
    );
    expect(r.claims.reasons.map((x) => x.code)).toEqual(['B', 'A']);
  });
});

describe('identity counts by agent', () => {
  const agent = (login: string, name: string, admissions: number, receiptOnly: number, mismatches: number) => ({
    login,
    name,
    admissions,
    receiptOnly,
    mismatches,
  });
  it.each([
    ['most unchecked first', [agent('a', 'Awa', 9, 1, 0), agent('b', 'Binta', 3, 1, 1)], ['b', 'a']],
    ['then most admissions', [agent('a', 'Awa', 4, 1, 0), agent('b', 'Binta', 6, 0, 1)], ['b', 'a']],
    ['then by name', [agent('z', 'Zoumana', 2, 0, 0), agent('a', 'Adama', 2, 0, 0)], ['a', 'z']],
    ['none', [], []],
  ])('orders the agents: %s', (_name, agents, order) => {
    const report = shapeStatistics(empty({ agents }));
    expect(report.agents.map((a) => a.login)).toEqual(order);
    const table = statisticsTables(report).find((t) => t.key === 'pieces-par-agent')!;
    expect(table.rows).toEqual(report.agents.map((a) => [a.name, a.login, a.admissions, a.receiptOnly, a.mismatches]));
  });
});

describe('tables and key figures', () => {
  const year = shapeStatistics(
    empty({
      period: { kind: 'year', year: 2026 },
      through: '2026-11-16',
      today: '2026-11-16',
      stockFrom: '2026-01-01',
      patients: { seen: 5, new: 2 },
      months: [{ month: '2026-10', patients: { seen: 5, new: 2 }, episodes: 7, prestations: 3000, medicines: 120 }],
    }),
  );

  it.each([
    ['a month', shapeStatistics(empty()), false],
    ['a year', year, true],
  ])('give the monthly table only for a year (%s)', (_name, report, hasMonths) => {
    expect(statisticsTables(report).some((t) => t.key === 'mois')).toBe(hasMonths);
  });

  it('name the CSV files after the period and the table', () => {
    const table = statisticsTables(year).find((t) => t.key === 'mois')!;
    expect(csvFileName(year, table)).toBe('statistiques-2026-mois.csv');
    expect(table.rows).toEqual([['octobre 2026', 5, 2, 7, 3000, 120, null]]);
    // A patient seen in two months is one patient of the year: no total for that column; nor for a column all unknown.
    expect(table.columns.map((c) => Boolean(c.total))).toEqual([false, false, true, true, true, true, false]);
  });

  it('total no column whose figures are all unknown', () => {
    const report = shapeStatistics(empty({ claims: [{ month: '2026-10', version: 1, status: 'signee', claimed: 900, signedAt: null }] }));
    const claims = statisticsTables(report).find((t) => t.key === 'reclamations')!;
    expect(claims.rows).toEqual([['octobre 2026', 1, 'Signée', 900, null, null, null]]);
    expect(claims.columns.map((c) => Boolean(c.total))).toEqual([false, false, false, true, false, false, false]);
  });

  it('count stock-out days over the days counted', () => {
    const header = statisticsTables(year).find((t) => t.key === 'ruptures')!.columns[2]!.header;
    expect(header).toBe('Jours de rupture (sur 320)');
  });

  it.each<[string, Partial<StatisticsFigures>, string, string]>([
    ['patients', { patients: { seen: 5, new: 2 } }, '5', '2 nouveaux, 3 déjà venus'],
    ['patients', { patients: { seen: 1, new: 1 } }, '1', '1 nouveau, 0 déjà venu'],
    ['claimed', {}, '—', 'Aucune réclamation signée'],
    [
      'claimed',
      { claims: [{ month: '2026-10', version: 1, status: 'signee', claimed: 12_500, signedAt: '2026-11-02T09:00:00.000Z' }] },
      '12 500 FCFA',
      '1 réclamation signée',
    ],
    ['accepted', {}, '—', 'Aucune réponse de l’ANAM enregistrée'],
    [
      'rejectionRate',
      { answers: { months: [{ month: '2026-10', answered: 800, accepted: 600, rejected: 200 }], reasons: [] } },
      '25 %',
      'du montant examiné par l’ANAM',
    ],
    ['paid', {}, '—', 'Aucun paiement enregistré'],
    ['delay', { payments: { months: [], averageDelayDays: 41.6 } }, '42 jours', 'de la signature au paiement'],
    ['refusals', { checks: { checked: 8, refused: 2, admitted: 6, reasons: [] } }, '2', '25 % de 8 personnes vérifiées'],
    ['refusals', {}, '0', 'Aucune vérification à l’accueil'],
  ])('show %s as %j → %s', (key, over, value, note) => {
    const figure = keyFigures(shapeStatistics(empty(over))).find((f) => f.key === key)!;
    expect([figure.value.replace(/\s/g, ' '), figure.note]).toEqual([value, note]);
  });
});
