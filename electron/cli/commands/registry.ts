import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { IMPORT_MODES, SIGNATURE_LABELS, type ImportMode, type Rejection } from '../../../shared/domain/registry-import';
import { frenchDate, isIsoDate } from '../../../shared/lib/dates';
import { normalizeRecepisse } from '../../../shared/domain/registry';
import { UsageError, type CliCommand } from '../command';
import { checkText, frenchNumber, matchLine } from './registry-text';

const SHOWN_REJECTIONS = 20;

export const importRegistryCommand: CliCommand = {
  name: 'import-registry',
  summary: 'importe un fichier du registre de l’ANAM (CSV, CSV.gz ; signature FICHIER.sig vérifiée si une clé est configurée)',
  usage: 'import-registry FICHIER [--mode full|delta] [--strict] [--dry-run] [--accept-gap] [--force]',
  options: {
    mode: { type: 'string' },
    strict: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    'accept-gap': { type: 'boolean' },
    force: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1 },
  async run(ctx, { values, positionals }) {
    const mode = (values.mode ?? 'delta') as ImportMode;
    if (!IMPORT_MODES.includes(mode)) throw new UsageError('--mode attend full (registre complet) ou delta (mise à jour)');
    const path = resolve(positionals[0]!);
    if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`Fichier introuvable : ${path}`);
    const file = await ctx.registerFile(path);
    const jobId = `cli-import-${process.pid}`;
    // Ctrl+C stops cleanly between two batches; the same command later continues where it stopped.
    const onInterrupt = () => void ctx.call('jobs.cancel', { jobId });
    process.once('SIGINT', onInterrupt);
    let result;
    try {
      result = await ctx.call('registry.import', {
        file: file.ref,
        mode,
        strict: values.strict === true,
        dryRun: values['dry-run'] === true,
        acceptGap: values['accept-gap'] === true,
        force: values.force === true,
        jobId,
      });
    } finally {
      process.off('SIGINT', onInterrupt);
    }
    let rejected: Rejection[] = result.rejected;
    while (rejected.length < result.rejectedCount) {
      const page = await ctx.call('registry.rejections', { importId: result.importId, offset: rejected.length, limit: 5000 });
      if (page.rows.length === 0) break;
      rejected = [...rejected, ...page.rows];
    }
    const { inserted, updated, unchanged, struckOff } = result;
    return {
      json: {
        inserted,
        updated,
        unchanged,
        struckOff,
        rejected,
        importId: result.importId,
        warnings: result.warnings,
        signature: result.signature,
        resumed: result.resumed,
        dryRun: result.dryRun,
        extractDate: result.extractDate,
        sequence: result.sequence,
      },
      text: [
        result.dryRun
          ? `Essai à blanc, rien n’a été modifié (n° ${result.importId}, ${SIGNATURE_LABELS[result.signature].toLowerCase()}) ; l’import ferait :`
          : `Import ${result.resumed ? 'repris et ' : ''}terminé (import n° ${result.importId}, ${SIGNATURE_LABELS[result.signature].toLowerCase()}) :`,
        ...(result.sequence !== null ? [`  Mise à jour n° ${result.sequence} extraite le ${frenchDate(result.extractDate!)}.`] : []),
        `  ${frenchNumber(inserted)} nouvelle(s) personne(s), ${frenchNumber(updated)} modifiée(s), ${frenchNumber(unchanged)} inchangée(s), ${frenchNumber(struckOff)} radiée(s), ${frenchNumber(result.rejectedCount)} ligne(s) rejetée(s).`,
        ...result.warnings.map((w) => `  Remarque : ${w}`),
        ...rejected.slice(0, SHOWN_REJECTIONS).map((r) => `  ligne ${r.line} : ${r.reason}`),
        ...(rejected.length > SHOWN_REJECTIONS
          ? [`  … et ${frenchNumber(rejected.length - SHOWN_REJECTIONS)} autre(s) : la liste complète avec --json.`]
          : []),
      ].join('\n'),
    };
  },
};

function dateOption(value: string | boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new UsageError('--date attend une date AAAA-MM-JJ, par exemple 2026-11-16');
  }
  return value;
}

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'dit si une personne, par son récépissé, a droit aux soins à une date (code 1 si non éligible)',
  usage: 'check RÉCÉPISSÉ [--date AAAA-MM-JJ]',
  options: { date: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run(ctx, { values, positionals }) {
    const recepisse = normalizeRecepisse(positionals[0]!);
    if (!recepisse.ok) throw new UsageError(recepisse.message);
    const result = await ctx.call('registry.check', { recepisse: recepisse.recepisse, date: dateOption(values.date) });
    return { json: result, text: checkText(result), exitCode: result.eligible ? 0 : 1 };
  },
};

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'cherche des personnes par leur nom (sans tenir compte des accents ni de l’ordre des mots)',
  usage: 'search "NOM PRÉNOMS" [--limit N]',
  options: { limit: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run(ctx, { values, positionals }) {
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError('--limit attend un nombre entier entre 1 et 100');
    const matches = await ctx.call('registry.search', { text: positionals[0]!, limit });
    return {
      json: matches,
      text: matches.length === 0 ? 'Aucune personne trouvée.' : [`${matches.length} personne(s) :`, ...matches.map(matchLine)].join('\n'),
    };
  },
};
