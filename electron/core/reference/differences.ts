import { frenchNumberFormat } from '../../../shared/lib/french-number';

const numbers = frenchNumberFormat({ maximumFractionDigits: 0 });

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(vide)';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') return numbers.format(value);
  return String(value);
}

/** "prix : 1 500 → 2 000" for each field whose value differs, in the order of `labels`. */
export function describeDifferences<C extends object>(recorded: C, given: C, labels: Record<keyof C, string>): string[] {
  return (Object.keys(labels) as Array<keyof C>)
    .filter((k) => recorded[k] !== given[k])
    .map((k) => `${labels[k]} : ${shown(recorded[k])} → ${shown(given[k])}`);
}
