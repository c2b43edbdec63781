import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SIGNATURE_LABELS } from '../../../shared/domain/registry-import';
import type { ReferenceImportReport } from '../../../shared/domain/reference';
import { UsageError, type CliCommand, type CliContext, type CliOutput } from '../command';

export async function importList(
  ctx: CliContext,
  file: string,
  signatureFile: string | undefined,
  method: 'tariffs.import' | 'medicines.import' | 'controls.import' | 'programmes.import',
): Promise<CliOutput> {
  const existing = (given: string) => {
    const path = resolve(given);
    if (!statSync(path, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`Fichier introuvable : ${path}`);
    return path;
  };
  const path = existing(file);
  const signaturePath = signatureFile === undefined ? undefined : existing(signatureFile);
  const { ref } = await ctx.registerFile(path);
  const signature = signaturePath ? (await ctx.registerFile(signaturePath)).ref : undefined;
  const report = await ctx.call(method, { file: ref, signature });
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
  return [...lines, `Signature : ${SIGNATURE_LABELS[report.signature]}.`, ...report.warnings.map((w) => `Attention : ${w}`)].join('\n');
}

/** The detached ANAM signature, when it is not beside the file as FICHIER.csv.sig. */
export const SIGNATURE_OPTION = { signature: { type: 'string' } } as const;

export const importTariffsCommand: CliCommand = {
  name: 'import-tariffs',
  summary: 'importe une liste de tarifs (CSV ; versions par date d’effet)',
  usage: 'import-tariffs FICHIER.csv [--signature FICHIER.sig]',
  options: SIGNATURE_OPTION,
  positionals: { min: 1, max: 1 },
  run: (ctx, { values, positionals }) => importList(ctx, positionals[0]!, values.signature as string | undefined, 'tariffs.import'),
};

export const importMedicinesCommand: CliCommand = {
  name: 'import-medicines',
  summary: 'importe une liste de médicaments par DCI (CSV ; versions par date d’effet)',
  usage: 'import-medicines FICHIER.csv [--signature FICHIER.sig]',
  options: SIGNATURE_OPTION,
  positionals: { min: 1, max: 1 },
  run: (ctx, { values, positionals }) => importList(ctx, positionals[0]!, values.signature as string | undefined, 'medicines.import'),
};

export const importControlsCommand: CliCommand = {
  name: 'import-controls',
  summary: 'importe les règles de contrôle de plausibilité des réclamations (CSV ; versions par date d’effet)',
  usage: 'import-controls FICHIER.csv [--signature FICHIER.sig]',
  options: SIGNATURE_OPTION,
  positionals: { min: 1, max: 1 },
  run: (ctx, { values, positionals }) => importList(ctx, positionals[0]!, values.signature as string | undefined, 'controls.import'),
};
