import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { controlCsvName, controlTables, type ControlTable } from '../../../shared/rules/abuse-tables';
import { isoMonth } from '../../../shared/lib/months';
import { formatAmount, formatInteger } from '../../../shared/lib/money';
import { UsageError, type CliCommand } from '../command';

/** The same file as the screen's « Exporter en CSV »: semicolons and a BOM, what a French spreadsheet opens. */
const csvOf = (table: ControlTable) =>
  '\uFEFF' + stringify([table.columns.map((c) => c.header), ...table.rows.map((r) => r.cells)], { delimiter: ';' });

const cellText = (table: ControlTable, i: number, cell: string | number) => {
  if (typeof cell !== 'number') return cell;
  return table.columns[i]!.kind === 'money' ? formatAmount(cell) : formatInteger(cell);
};

function tableText(table: ControlTable): string[] {
  const head = `${table.title} – ${table.note}`;
  if (table.rows.length === 0) return [head, `  ${table.empty}`];
  return [
    head,
    `  ${table.columns.map((c) => c.header).join(' | ')}`,
    ...table.rows.map((r) => `  ${r.cells.map((cell, i) => cellText(table, i, cell) || '—').join(' | ')}`),
  ];
}

export const controlsCommand: CliCommand = {
  name: 'controls',
  summary: 'contrôle des abus du mois : patients, foyers, agents, prescripteurs et épisodes au-delà de la médiane ; tableaux en CSV',
  usage: 'controls --month AAAA-MM [--csv DOSSIER]',
  options: { month: { type: 'string' }, csv: { type: 'string' } },
  async run(ctx, { values }) {
    const month = isoMonth.safeParse(values.month ?? '');
    if (!month.success) throw new UsageError('Indiquez le mois au format AAAA-MM (ex. --month 2026-11).');
    const report = await ctx.call('abuse.month', { month: month.data });
    const tables = controlTables(report);
    const files: string[] = [];
    if (typeof values.csv === 'string') {
      const dir = resolve(values.csv);
      mkdirSync(dir, { recursive: true });
      for (const table of tables) {
        const path = join(dir, controlCsvName(report.month, table));
        writeFileSync(path, csvOf(table), 'utf8');
        files.push(path);
      }
    }
    const text = [
      `Contrôle des abus – ${report.label} – ${formatInteger(report.episodes)} épisode(s) ouvert(s) dans le mois`,
      ...tables.flatMap(tableText),
      ...files.map((f) => `Écrit : ${f}`),
    ].join('\n');
    return { json: { report, files }, text };
  },
};
