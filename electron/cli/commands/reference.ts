import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ReferenceImportReport } from '../../../shared/domain/reference';
import { UsageError, type CliCommand, type CliContext, type CliOutput } from '../command';

async function importList(
  ctx: CliContext,
  file: string,
  method: 'tariffs.import' | 'medicines.import' | 'controls.import',
): Promise<CliOutput> {
  const path = resolve(file);
  if (!statSync(path, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`Fichier introuvable : ${path}`);
  const { ref } = await ctx.registerFile(path);
  const report = await ctx.call(method, { file: ref });
  return { json: report, text: describeImport(report), exitCode: report.applied ? 0 : 2 };
}

export function describeImport(report: ReferenceImportReport): string {
  const lines = report.applied
    ? [
        `Import terminé (${report.lines} ligne(s) lue(s)) : ${report.inserted} nouvelle(s) version(s), ` +
          `${report.unchanged} déjà enregistrée(s), ${report.closed} période(s) close(s).`,
      ]
    : [
        `Fichier refusé : ${report.rejected.length} ligne(s) à corriger. Rien n’a été importé.`,
        ...report.rejected.map((r) => `  ligne ${r.line} : ${r.reason}`),
      ];
  return [...lines, ...report.warnings.map((w) => `Attention : ${w}`)].join('\n');
}

export const importTariffsCommand: CliCommand = {
  name: 'import-tariffs',
  summary: 'importe une liste de tarifs (CSV ; versions par date d’effet)',
  usage: 'import-tariffs FICHIER.csv',
  positionals: { min: 1, max: 1 },
  run: (ctx, { positionals }) => importList(ctx, positionals[0]!, 'tariffs.import'),
};

export const importMedicinesCommand: CliCommand = {
  name: 'import-medicines',
  summary: 'importe une liste de médicaments par DCI (CSV ; versions par date d’effet)',
  usage: 'import-medicines FICHIER.csv',
  positionals: { min: 1, max: 1 },
  run: (ctx, { positionals }) => importList(ctx, positionals[0]!, 'medicines.import'),
};

export const importControlsCommand: CliCommand = {
  name: 'import-controls',
  summary: 'importe les règles de contrôle de plausibilité des réclamations (CSV ; versions par date d’effet)',
  usage: 'import-controls FICHIER.csv',
  positionals: { min: 1, max: 1 },
  run: (ctx, { positionals }) => importList(ctx, positionals[0]!, 'controls.import'),
};
