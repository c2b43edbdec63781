import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeGeneratedFile } from '../generated-file';
import { stringify } from 'csv-stringify/sync';
import { frenchDate } from '../../../shared/lib/dates';
import { isoMonth } from '../../../shared/lib/months';
import { keyFigures } from '../../../shared/rules/statistics/key-figures';
import { csvFileName, statisticsTables, type StatTable } from '../../../shared/rules/statistics/tables';
import type { Dhis2Preview, Dhis2Send } from '../../../shared/domain/dhis2';
import { formatInteger } from '../../../shared/lib/money';
import { UsageError, type CliCommand } from '../command';

const dhis2Lines = (p: Dhis2Preview) =>
  `DHIS2 ${p.period}, unité ${p.orgUnit} : ${formatInteger(p.values.length)} valeurs, ${formatInteger(p.zeros)} à zéro non envoyées, ${formatInteger(p.unmapped.length)} hors correspondance`;

const STATUS = { SUCCESS: 'importé', WARNING: 'importé avec des conflits', ERROR: 'refusé' } as const;

function sendLine(s: Dhis2Send): string {
  const head = `Envoi DHIS2${s.dryRun ? ' (essai, rien enregistré par le DHIS2)' : ''} : ${STATUS[s.status]} (HTTP ${s.httpStatus}) – ${s.imported} importées, ${s.updated} mises à jour, ${s.ignored} ignorées`;
  return [head, ...s.conflicts.map((c) => `  Conflit : ${c.object} – ${c.value}`)].join('\n');
}

/** The same file as the screen's « Exporter en CSV »: semicolons and a BOM, what a French spreadsheet opens. */
const csvOf = (table: StatTable) => '\uFEFF' + stringify([table.columns.map((c) => c.header), ...table.rows], { delimiter: ';' });

export const statsCommand: CliCommand = {
  name: 'stats',
  summary: 'statistiques du mois ou de l’année ; tableaux en CSV, rapport mensuel PDF et chiffres DHIS2 pour le district',
  usage: 'stats --month AAAA-MM | --year AAAA [--csv DOSSIER] [--pdf FICHIER] [--dhis2 FICHIER] [--dhis2-send [--dry-run]]',
  options: {
    month: { type: 'string' },
    year: { type: 'string' },
    csv: { type: 'string' },
    pdf: { type: 'string' },
    dhis2: { type: 'string' },
    'dhis2-send': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  },
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
      if (values.dhis2 !== undefined || values['dhis2-send'])
        throw new UsageError('Les chiffres DHIS2 sont mensuels : indiquez --month AAAA-MM avec --dhis2 ou --dhis2-send.');
      report = await ctx.call('statistics.year', { year: Number(values.year) });
    }
    if (values['dry-run'] && !values['dhis2-send']) throw new UsageError('--dry-run accompagne --dhis2-send.');

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
    let dhis2: Dhis2Preview | null = null;
    if (typeof values.dhis2 === 'string') {
      dhis2 = await ctx.call('statistics.snisPreview', { month: report.key });
      files.push(writeGeneratedFile(dhis2.file, values.dhis2).path);
    }
    const sent = values['dhis2-send']
      ? await ctx.call('statistics.snisSend', { month: report.key, dryRun: values['dry-run'] === true })
      : null;

    const facility = report.facility ? `${report.facility.name} (${report.facility.code})` : 'Établissement non configuré';
    const text = [
      `Statistiques RAMED – ${report.label} – ${facility}${report.running ? ` (en cours, jusqu’au ${frenchDate(report.through)})` : ''}`,
      ...keyFigures(report).map((f) => `  ${f.label} : ${f.value} (${f.note})`),
      ...files.map((f) => `Écrit : ${f}`),
      ...(dhis2 ? [dhis2Lines(dhis2)] : []),
      ...(sent ? [sendLine(sent)] : []),
    ].join('\n');
    // A send DHIS2 answered with conflicts or refused as a whole is recorded, and still a refusal for a script.
    return {
      json: { report, files, ...(dhis2 && { dhis2: { ...dhis2, file: undefined } }), ...(sent && { dhis2Send: sent }) },
      text,
      exitCode: sent && sent.status !== 'SUCCESS' ? 1 : 0,
    };
  },
};
