import type { StatisticsFigures } from '../../domain/statistics';

/**
 * Who pays what was dispensed: the RAMED, or a free-care programme (whose lines are never RAMED
 * money). The figures come one row per medicine and payer; the dashboard shows one row per
 * medicine with the RAMED's part and each programme's. Pure.
 */

/** One row of the figures' medicines, per medicine and payer (`programme` null or absent: the RAMED). */
export type MedicinePayerRow = StatisticsFigures['medicines'][number];

export interface MedicineByPayer {
  medicineCode: string;
  dci: string;
  form: string;
  strength: string;
  lines: number;
  quantity: number;
  /** Everything dispensed, whoever pays: the RAMED's part plus every programme's. */
  amount: number;
  ramed: number;
  /** By programme code, only those that paid for this medicine. */
  programmes: Record<string, number>;
}

/** One row per medicine, the amount split between the RAMED and each programme; the programmes met, by code. */
export function medicinesByPayer(rows: readonly MedicinePayerRow[]): { medicines: MedicineByPayer[]; programmes: string[] } {
  const byCode = new Map<string, MedicineByPayer>();
  const programmes = new Set<string>();
  for (const r of rows) {
    // A medicine whose name changed between list versions keeps a row per name, as dispensed.
    const key = [r.medicineCode, r.dci, r.form, r.strength].join('\u0000');
    const m = byCode.get(key) ?? {
      medicineCode: r.medicineCode,
      dci: r.dci,
      form: r.form,
      strength: r.strength,
      lines: 0,
      quantity: 0,
      amount: 0,
      ramed: 0,
      programmes: {},
    };
    m.lines += r.lines;
    m.quantity += r.quantity;
    m.amount += r.amount;
    if (r.programme) {
      programmes.add(r.programme);
      m.programmes[r.programme] = (m.programmes[r.programme] ?? 0) + r.amount;
    } else m.ramed += r.amount;
    byCode.set(key, m);
  }
  return { medicines: [...byCode.values()], programmes: [...programmes].sort() };
}
