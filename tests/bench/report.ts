/** What the bench measured, beside what it compares it with, and the targets of issue 13. */
export type Unit = 'ms' | 's' | 'lignes/s' | 'Mo' | 'Ko';

/** A bound on the figure itself or on its ratio to the baseline; `inclusive` makes it ≤ rather than <. */
export interface Target {
  of: 'value' | 'ratio';
  max: number;
  inclusive?: boolean;
}

export interface Measure {
  section: string;
  label: string;
  unit: Unit;
  value: number;
  baseline: { label: string; value: number } | null;
  targets?: Target[];
}

export interface Evaluated extends Measure {
  /** How many times the baseline's cost: value ÷ baseline, or baseline ÷ value for a rate (lignes/s). */
  ratio: number | null;
  /** null when the measure has no target or targets were not checked (--quick). */
  met: boolean | null;
}

export function ratioOf(measure: Measure): number | null {
  const base = measure.baseline?.value;
  if (base === undefined || base <= 0 || measure.value <= 0) return null;
  return measure.unit === 'lignes/s' ? base / measure.value : measure.value / base;
}

function meets(target: Target, value: number, ratio: number | null): boolean {
  const figure = target.of === 'value' ? value : ratio;
  if (figure === null) return false;
  return target.inclusive ? figure <= target.max : figure < target.max;
}

export function evaluate(measures: readonly Measure[], checkTargets: boolean): Evaluated[] {
  return measures.map((m) => {
    const ratio = ratioOf(m);
    const targets = m.targets ?? [];
    const met = !checkTargets || targets.length === 0 ? null : targets.every((t) => meets(t, m.value, ratio));
    return { ...m, ratio, met };
  });
}

const fr = (min: number, max = min) => new Intl.NumberFormat('fr-FR', { minimumFractionDigits: min, maximumFractionDigits: max });

/** Enough digits to compare, no more: 0,042 ms, 3,41 ms, 48,2 ms, 612 ms, 1 234 lignes/s. */
export function formatFigure(value: number, unit: Unit): string {
  const digits = unit === 'lignes/s' || unit === 'Mo' || unit === 'Ko' ? 0 : value < 0.1 ? 3 : value < 10 ? 2 : value < 100 ? 1 : 0;
  // Intl's French grouping separator is a narrow no-break space: plain spaces keep the columns aligned in any terminal.
  return `${fr(digits).format(value).replace(/\s/g, ' ')} ${unit}`;
}

export const formatRatio = (ratio: number | null): string => (ratio === null ? '—' : `${fr(ratio < 10 ? 2 : 1).format(ratio)}×`);

export function formatTargets(measure: Measure): string {
  return (measure.targets ?? [])
    .map((t) => `${t.inclusive ? '≤' : '<'} ${t.of === 'ratio' ? `${fr(0, 2).format(t.max)}× réf.` : `${fr(0, 2).format(t.max)} ${measure.unit}`}`)
    .join(' et ');
}

const verdict = (met: boolean | null) => (met === null ? '' : met ? 'oui' : 'NON');

const HEADER = ['Mesure', 'Valeur', 'Référence (même run, mêmes données)', 'Valeur réf.', 'Rapport', 'Objectif', 'Atteint'];
const NUMERIC = new Set([1, 3, 4]);

const cells = (m: Evaluated, label: string): string[] => [
  label,
  formatFigure(m.value, m.unit),
  m.baseline?.label ?? '',
  m.baseline ? formatFigure(m.baseline.value, m.unit) : '',
  formatRatio(m.ratio),
  formatTargets(m),
  verdict(m.met),
];

/** Measures under the heading of their section, in the order measured. */
function sections(measures: readonly Evaluated[]): Array<[string, Evaluated[]]> {
  const out = new Map<string, Evaluated[]>();
  for (const m of measures) out.set(m.section, [...(out.get(m.section) ?? []), m]);
  return [...out];
}

/** The table printed at the end of a run: a heading per section, one line per figure, columns aligned. */
export function textTable(measures: readonly Evaluated[]): string {
  const rows = measures.map((m) => cells(m, `  ${m.label}`));
  const widths = HEADER.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r[i]!].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (NUMERIC.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const [section, list] of sections(measures)) out.push(section, ...list.map((m) => line(cells(m, `  ${m.label}`))));
  return out.join('\n');
}

/** The same table in Markdown, for the README's « Performances » section. */
export function markdownTable(measures: readonly Evaluated[]): string {
  const escape = (c: string) => c.replace(/\|/g, '\\|');
  const out = [`| ${HEADER.join(' | ')} |`, `|${HEADER.map((_, i) => (NUMERIC.has(i) ? '---:' : '---')).join('|')}|`];
  for (const [section, list] of sections(measures)) {
    out.push(`| **${escape(section)}** |${' |'.repeat(HEADER.length - 1)}`);
    out.push(...list.map((m) => `| ${cells(m, m.label).map(escape).join(' | ')} |`));
  }
  return out.join('\n');
}
