import { parseArgs } from 'node:util';

export interface Sizes {
  /** Persons in the generated registry: imported, then checked and searched. */
  persons: number;
  checks: number;
  searches: number;
  /** Closed episodes of the month whose claim is built, checked and exported to FHIR. */
  claimEpisodes: number;
  /** Episodes of the month whose bordereau is printed. */
  pdfEpisodes: number;
  /** Cold starts of Chromium on the first screen (the median is kept). */
  firstScreenRuns: number;
}

/** Issue 13's sizes: the national registry, a busy hospital's month. */
export const FULL_SIZES: Sizes = {
  persons: 3_500_000,
  checks: 100_000,
  searches: 10_000,
  claimEpisodes: 20_000,
  pdfEpisodes: 2_000,
  firstScreenRuns: 5,
};

/** Small enough for CI: every step runs, no figure is held to a target. */
export const QUICK_SIZES: Sizes = {
  persons: 20_000,
  checks: 2_000,
  searches: 500,
  claimEpisodes: 1_000,
  pdfEpisodes: 200,
  firstScreenRuns: 1,
};

export const PARTS = ['import', 'lookups', 'during-import', 'backup', 'claims', 'screen'] as const;
export type Part = (typeof PARTS)[number];

export interface BenchOptions {
  quick: boolean;
  sizes: Sizes;
  parts: Part[];
  /** Where results.json goes. */
  out: string;
  seed: number;
  /** Targets are checked (and missing one fails the run) unless --quick. */
  checkTargets: boolean;
  markdown: boolean;
  /** Prints the results as JSON rather than the table (what `ramed bench --json` shows). */
  json: boolean;
}

export const USAGE =
  '[--quick] [--size PERSONNES] [--checks N] [--searches N] [--only import,lookups,during-import,backup,claims,screen] [--out FICHIER.json] [--seed N] [--markdown] [--json]';

const positiveInteger = (value: string, option: string): number => {
  const n = Number(value.replace(/[_\s]/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${option} attend un nombre entier positif (reçu « ${value} »).`);
  return n;
};

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      size: { type: 'string' },
      checks: { type: 'string' },
      searches: { type: 'string' },
      only: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      markdown: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const quick = values.quick!;
  const sizes = { ...(quick ? QUICK_SIZES : FULL_SIZES) };
  if (values.size !== undefined) sizes.persons = positiveInteger(values.size, 'size');
  if (values.checks !== undefined) sizes.checks = positiveInteger(values.checks, 'checks');
  if (values.searches !== undefined) sizes.searches = positiveInteger(values.searches, 'searches');
  if (sizes.searches > sizes.checks) throw new Error('--searches ne peut dépasser --checks : les recherches portent sur les personnes tirées pour les contrôles.');
  let parts: Part[] = [...PARTS];
  if (values.only !== undefined) {
    const asked = values.only.split(',').map((p) => p.trim());
    const unknown = asked.filter((p) => !(PARTS as readonly string[]).includes(p));
    if (unknown.length > 0 || asked.length === 0) throw new Error(`--only attend une liste parmi ${PARTS.join(', ')} (reçu « ${values.only} »).`);
    parts = PARTS.filter((p) => asked.includes(p));
  }
  return {
    quick,
    sizes,
    parts,
    // A quick or partial run must not overwrite the committed results of the full run.
    out: values.out ?? (quick || [values.only, values.size, values.checks, values.searches].some((v) => v !== undefined) ? 'bench/data/results-partial.json' : 'bench/results.json'),
    seed: positiveInteger(values.seed!, 'seed'),
    checkTargets: !quick,
    markdown: values.markdown!,
    json: values.json!,
  };
}
