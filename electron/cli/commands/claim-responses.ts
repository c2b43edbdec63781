import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ResponseImportReport } from '../../../shared/domain/claim-responses';
import { CLAIM_STATUS_LABELS } from '../../../shared/domain/claims';
import { formatAmount } from '../../../shared/lib/money';
import { frenchMonth } from '../../../shared/lib/months';
import { DomainError } from '../../core/errors';
import { UsageError, type CliCommand } from '../command';

const describe = (r: ResponseImportReport) =>
  [
    `${r.fileName} : ${r.responses} réponse(s), ${r.applied} enregistrée(s), ${r.unchanged} déjà connue(s)` +
      (r.errors > 0 ? `, ${r.errors} erreur(s) de traitement signalée(s) par l’ANAM` : '') +
      '.',
    ...r.claims.map(
      (c) =>
        `  ${frenchMonth(c.month)} v${c.version} – ${CLAIM_STATUS_LABELS[c.status]} : réclamé ${formatAmount(c.claimed)}, ` +
        `accepté ${formatAmount(c.accepted)}, rejeté ${formatAmount(c.rejected)}` +
        (c.answered < c.claimed ? `, sans réponse ${formatAmount(c.claimed - c.answered)}` : ''),
    ),
  ].join('\n');

/** The JSON files of a folder the ANAM sent back (an export's own manifest is not an answer). */
function filesOf(path: string): string[] {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) throw new UsageError(`Fichier ou dossier introuvable : ${path}`);
  if (info.isFile()) return [path];
  const files = readdirSync(path)
    .filter((name) => name.toLowerCase().endsWith('.json') && name !== 'manifest.json')
    .sort()
    .map((name) => join(path, name));
  if (files.length === 0) throw new UsageError(`Aucun fichier .json dans ${path}`);
  return files;
}

export const claimsImportResponseCommand: CliCommand = {
  name: 'claims import-response',
  summary: 'importe la réponse de l’ANAM (ClaimResponse FHIR, ou un dossier de réponses) ; tout ou rien par fichier',
  usage: 'claims import-response FICHIER|DOSSIER',
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals }) {
    const files = filesOf(resolve(positionals[0]!));
    const reports: ResponseImportReport[] = [];
    const refused: Array<{ file: string; error: string }> = [];
    for (const path of files) {
      const { ref, name } = await ctx.registerFile(path);
      try {
        reports.push(await ctx.call('claims.importResponse', { file: ref }));
      } catch (error) {
        // One file refused leaves the others: each is imported whole or not at all.
        if (!(error instanceof DomainError) || files.length === 1) throw error;
        refused.push({ file: name, error: error.message });
      }
    }
    const text = [...reports.map(describe), ...refused.map((r) => `${r.file} : ${r.error}`)].join('\n');
    return { json: files.length === 1 ? reports[0] : { imported: reports, refused }, text, exitCode: refused.length > 0 ? 2 : 0 };
  },
};
