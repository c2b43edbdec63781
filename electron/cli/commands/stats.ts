import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeGeneratedFile } from '../generated-file';
import { stringify } from 'csv-stringify/sync';
import { frenchDate } from '../../../shared/dates';
import { isoMonth } from '../../../shared/months';
import { keyFigures } from '../../../shared/statistics/key-figures';
import { csvFileName, statisticsTables, type StatTable } from '../../../shared/statistics/tables';
import { UsageError, type CliCommand } from '../command';

/** The same file as the screen's « Exporter en CSV »: semicolons and a BOM, what a French spreadsheet opens. */
const csvOf = (table: StatTable) => '\uFEFF' + stringify([table.columns.map((c) => c.header), ...table.rows], { delimiter: ';' });

export const statsCommand: CliCommand = {
  name: 'stats',
  summary: 'statistiques du mois ou de l’année ; tableaux en CSV et rapport mensuel PDF pour le district',
  usage: 'stats --month AAAA-MM | --year AAAA [--csv DOSSIER] [--pdf FICHIER]',
  options: { month: { type: 'string' }, year: { type: 'string' }, csv: { type: 'string' }, pdf: { type: 'string' } },
  async run(ctx, { values }) {
    if ((values.month === undefined) === (values.year === undefined)) {
      throw new UsageError('Indiquez la période : --month AAAA-MM ou --year AAAA (ex. --month 2026-10).');
    }
    let report;
    if (values.month !== undefined) {
      const month = isoMonth.safeParse(values.month);
      if (!month.success) throw new UsageError('Mois attendu au format AAAA-MM (ex. --month 2026-10).');
      report = await ctx.call('statistics.month', { month: month.data });
    } else {
      if (typeof values.year !== 'string' || !/^\d{4}$/.test(values.year))
        throw new UsageError('Année attendue sur 4 chiffres (ex. --year 2026).');
      if (values.pdf !== undefined) throw new UsageError('Le rapport PDF est mensuel : indiquez --month AAAA-MM avec --pdf.');
      report = await ctx.call('statistics.year', { year: Number(values.year) });
    }

    const files: string[] = [];
    if (typeof values.csv === 'string') {
      const dir = resolve(values.csv);
      mkdirSync(dir, { recursive: true });
      for (const table of statisticsTables(report)) {
        const path = join(dir, csvFileName(report, table));
        writeFileSync(path, csvOf(table), 'utf8');
        files.push(path);
      }
    }
    if (typeof values.pdf === 'string') {
      const pdf = await ctx.call('statistics.monthlyReport', { month: report.key });
      files.push(writeGeneratedFile(pdf, values.pdf).path);
    }

    const facility = report.facility ? `${report.facility.name} (${report.facility.code})` : 'Établissement non configuré';
    const text = [
      `Statistiques RAMED – ${report.label} – ${facility}${report.running ? ` (en cours, jusqu’au ${frenchDate(report.through)})` : ''}`,
      ...keyFigures(report).map((f) => `  ${f.label} : ${f.value} (${f.note})`),
      ...files.map((f) => `Écrit : ${f}`),
    ].join('\n');
    return { json: { report, files }, text };
  },
};
