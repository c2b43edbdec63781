import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { addDays, daysBetween } from '../../../shared/lib/dates';
import { isoToday } from '../clock';
import { resourceFile } from '../paths';
import { importRegistry } from '../registry/import-registry';
import type { DemoPart } from './part';

export const SAMPLE_REGISTRY = 'registre-exemple-illustratif.csv';
/** The day the sample's dates were written for: on it, each person shows the case named in the README. */
export const SAMPLE_REFERENCE_DAY = '2026-11-16';

/** Moves every date of the sample by `days`, so that each case stays true on the day of the demo. */
export function shiftSampleDates(csv: string, days: number): string {
  const rows = parse(csv, { delimiter: ';', columns: true }) as Array<Record<string, string>>;
  const shifted = rows.map((row) => {
    const out = { ...row };
    for (const column of ['date_naissance', 'debut_validite', 'fin_validite']) {
      const value = row[column] ?? '';
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) out[column] = addDays(value, days);
      else if (/^\d{4}$/.test(value)) out[column] = String(Number(value) + Math.round(days / 365.25));
    }
    return out;
  });
  return stringify(shifted, { header: true, delimiter: ';' });
}

/** Ends the file with `#FIN;N`, as the ANAM does, so that it may be imported in full mode. */
function withTrailer(csv: string): string {
  const records = (parse(csv, { delimiter: ';', columns: true }) as unknown[]).length;
  return `${csv}#FIN;${records}\n`;
}

/** The sample registry (every eligibility case), imported as the ANAM file would be. */
export const demoRegistry: DemoPart = {
  label: 'Registre de l’ANAM (échantillon illustratif)',
  async run(ctx) {
    const days = daysBetween(SAMPLE_REFERENCE_DAY, isoToday(ctx.deps.clock));
    const dir = mkdtempSync(join(tmpdir(), 'ramed-demo-'));
    try {
      const path = join(dir, SAMPLE_REGISTRY);
      writeFileSync(path, withTrailer(shiftSampleDates(readFileSync(resourceFile(SAMPLE_REGISTRY), 'utf8'), days)));
      await importRegistry(
        ctx.deps,
        // The sample is the demo's whole registry: whoever else is there is struck off, as before.
        { path, fileName: SAMPLE_REGISTRY, signaturePath: null, mode: 'full', strict: true, by: 'demo', force: true },
        { progress: () => {}, signal: new AbortController().signal },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
