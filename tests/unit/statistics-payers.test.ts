import { describe, expect, it } from 'vitest';
import type { StatisticsFigures } from '../../shared/domain/statistics';
import { medicinesByPayer, type MedicinePayerRow } from '../../shared/rules/statistics/payers';
import { shapeStatistics } from '../../shared/rules/statistics/shape';
import { statisticsTables } from '../../shared/rules/statistics/tables';

const row = (medicineCode: string, amount: number, programme?: string | null): MedicinePayerRow => ({
  medicineCode,
  dci: medicineCode === 'AL' ? 'Artéméther + Luméfantrine' : 'Paracétamol',
  form: 'comprimé',
  strength: '',
  lines: 1,
  quantity: 2,
  amount,
  ...(programme === undefined ? {} : { programme }),
});

describe('medicines by payer', () => {
  it.each<[string, MedicinePayerRow[], Array<[string, number, number, Record<string, number>]>, string[]]>([
    ['nothing dispensed', [], [], []],
    [
      'the RAMED alone (no programme column)',
      [row('PARA', 100), row('AL', 1200, null)],
      [
        ['PARA', 100, 100, {}],
        ['AL', 1200, 1200, {}],
      ],
      [],
    ],
    [
      'one medicine paid by the RAMED and by the malaria programme',
      [row('AL', 1200), row('AL', 400, 'PALU')],
      [['AL', 1600, 1200, { PALU: 400 }]],
      ['PALU'],
    ],
    [
      'two programmes, listed by code',
      [row('AL', 400, 'PALU'), row('PARA', 50, 'TB'), row('AL', 400, 'PALU')],
      [
        ['AL', 800, 0, { PALU: 800 }],
        ['PARA', 50, 0, { TB: 50 }],
      ],
      ['PALU', 'TB'],
    ],
  ])('%s', (_name, rows, expected, programmes) => {
    const split = medicinesByPayer(rows);
    expect(split.medicines.map((m) => [m.medicineCode, m.amount, m.ramed, m.programmes])).toEqual(expected);
    expect(split.programmes).toEqual(programmes);
    // Whoever pays, the total dispensed stays the sum of the rows.
    for (const m of split.medicines) expect(m.ramed + Object.values(m.programmes).reduce((s, v) => s + v, 0)).toBe(m.amount);
  });
});

describe('the medicines table', () => {
  const figures = (medicines: StatisticsFigures['medicines']): StatisticsFigures => ({
    period: { kind: 'month', month: '2026-10' },
    through: '2026-10-31',
    today: '2026-11-05',
    facility: null,
    patients: { seen: 0, new: 0 },
    months: [{ month: '2026-10', patients: { seen: 0, new: 0 }, episodes: 0, prestations: 0, medicines: 0 }],
    episodeTypes: [],
    prestations: [
      { category: 'laboratoire', lines: 3, quantity: 3, amount: 1000, programme: 500 },
      { category: 'consultation', lines: 2, quantity: 2, amount: 1000, programme: 0 },
    ],
    medicines,
    claims: [],
    answers: null,
    payments: null,
    stock: [],
    stockFrom: '2026-10-01',
    checks: { checked: 0, refused: 0, admitted: 0, reasons: [] },
    identity: [],
    agents: [],
  });

  it('shows the RAMED’s part, a column per programme and the total, summed in the totals row', () => {
    const report = shapeStatistics(figures([row('AL', 1200), row('AL', 400, 'PALU'), row('PARA', 100), row('SP', 90, 'PALU')]));
    const table = statisticsTables(report).find((t) => t.key === 'medicaments')!;
    expect(table.columns.map((c) => [c.header, Boolean(c.total)])).toEqual([
      ['DCI', false],
      ['Forme et dosage', false],
      ['Lignes', true],
      ['Quantité', false],
      ['RAMED (FCFA)', true],
      ['Programme PALU (FCFA)', true],
      ['Montant (FCFA)', true],
    ]);
    expect(table.rows).toEqual([
      ['Artéméther + Luméfantrine', 'comprimé', 2, 4, 1200, 400, 1600],
      ['Paracétamol', 'comprimé', 1, 2, 100, 0, 100],
      ['Paracétamol', 'comprimé', 1, 2, 0, 90, 90],
    ]);
    expect(report.medicinesAmount).toBe(1790);
    expect(report.medicinesRamedAmount).toBe(1300);
  });

  it('adds the programmes’ column to the acts only when a programme paid for some', () => {
    const acts = statisticsTables(shapeStatistics(figures([]))).find((t) => t.key === 'prestations-par-categorie')!;
    expect(acts.columns.map((c) => c.header)).toEqual([
      'Catégorie',
      'Lignes',
      'Quantité',
      'Montant RAMED (FCFA)',
      'Programmes de gratuité (FCFA)',
    ]);
    expect(acts.rows).toEqual([
      ['Consultation', 2, 2, 1000, 0],
      ['Laboratoire', 3, 3, 1000, 500],
    ]);
  });
});
