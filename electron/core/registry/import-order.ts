import type { Kysely } from 'kysely';
import { frenchDate } from '../../../shared/lib/dates';
import type { Database } from '../db/schema/index';
import type { FileDeclaration } from './file-declaration';

/** The last applied file of the ANAM's series. */
export interface AppliedFile {
  sequence: number;
  extractDate: string | null;
  sha256: string;
}

export type OrderDecision =
  | { kind: 'apply'; warnings: string[] }
  | { kind: 'refuse'; message: string }
  /** A gap in the series: applied only once the administrator confirms. */
  | { kind: 'confirm'; message: string };

const describe = (sequence: number, extractDate: string | null) => `n° ${sequence}${extractDate ? ` du ${frenchDate(extractDate)}` : ''}`;

/**
 * Whether a file may be applied after the last one of the series: an older file (lower number or
 * earlier extract date) is refused, a number already applied by another file too; a gap in the
 * numbers needs a confirmation; a file that declares nothing is applied with a warning.
 */
export function orderDecision(
  declared: FileDeclaration | null,
  last: AppliedFile | null,
  sha256: string,
  acceptGap: boolean,
): OrderDecision {
  if (!declared) {
    return {
      kind: 'apply',
      warnings: [
        'Fichier sans ligne de déclaration (date d’extraction, numéro de séquence) : son ordre parmi les mises à jour n’a pas pu être vérifié.',
      ],
    };
  }
  if (!last) return { kind: 'apply', warnings: [] };
  const file = describe(declared.sequence, declared.extractDate);
  const applied = describe(last.sequence, last.extractDate);
  if (declared.sequence === last.sequence) {
    if (sha256 === last.sha256) return { kind: 'apply', warnings: [] };
    return {
      kind: 'refuse',
      message: `Fichier refusé : la mise à jour n° ${declared.sequence} a déjà été appliquée avec un autre fichier. Demandez à l’ANAM le bon exemplaire. Aucune donnée du registre n’a été modifiée.`,
    };
  }
  if (declared.sequence < last.sequence || (last.extractDate !== null && declared.extractDate < last.extractDate)) {
    return {
      kind: 'refuse',
      message: `Fichier refusé : c’est la mise à jour ${file}, plus ancienne que la dernière appliquée (${applied}). L’appliquer remettrait en place des informations périmées. Aucune donnée du registre n’a été modifiée.`,
    };
  }
  if (declared.sequence > last.sequence + 1) {
    const missing =
      declared.sequence === last.sequence + 2
        ? `la mise à jour n° ${last.sequence + 1}`
        : `les mises à jour n° ${last.sequence + 1} à ${declared.sequence - 1}`;
    const message = `Il manque ${missing} entre la dernière appliquée (${applied}) et ce fichier (${file}).`;
    if (!acceptGap)
      return {
        kind: 'confirm',
        message: `${message} Confirmez pour l’appliquer quand même (--accept-gap en ligne de commande). Aucune donnée du registre n’a été modifiée.`,
      };
    return { kind: 'apply', warnings: [`${message} Appliqué sur confirmation de l’administrateur.`] };
  }
  return { kind: 'apply', warnings: [] };
}

/** The last completed import that declared its place in the series. */
export async function lastAppliedFile(db: Kysely<Database>): Promise<AppliedFile | null> {
  const row = await db
    .selectFrom('registry_import')
    .select(['sequence', 'extract_date', 'sha256'])
    .where('status', '=', 'done')
    .where('sequence', 'is not', null)
    .orderBy('sequence', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { sequence: Number(row.sequence), extractDate: row.extract_date, sha256: row.sha256 } : null;
}
