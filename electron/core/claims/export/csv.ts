import { stringify } from 'csv-stringify/sync';
import { frenchDate } from '../../../../shared/lib/dates';
import { CLAIM_CATEGORY_LABELS, type ClaimDocument } from '../../../../shared/domain/claims';
import { EPISODE_TYPE_LABELS } from '../../../../shared/domain/episodes';
import { formatRecepisse } from '../../../../shared/domain/registry';

export const CLAIM_CSV_COLUMNS = [
  'Mois',
  'Version',
  'N° d’épisode',
  'Récépissé',
  'Patient',
  'Type',
  'Début',
  'Fin',
  'Diagnostic (CIM-10)',
  'Clôture tardive',
  'Code',
  'Libellé',
  'Catégorie',
  'Date de l’acte',
  'Quantité',
  'Prix unitaire (FCFA)',
  'Montant (FCFA)',
  'Payeur',
  'Exclusion',
] as const;

/** One row per line of the signed claim, for a French spreadsheet (`;`, BOM, dates JJ/MM/AAAA). */
export function claimCsv(doc: ClaimDocument): string {
  const rows = doc.episodes.flatMap((e) =>
    e.lines.map((l) => [
      doc.month,
      doc.version,
      e.number,
      // As printed on the récépissé: a spreadsheet keeps it as text (13 bare digits become a number).
      formatRecepisse(e.recepisse),
      e.patientName,
      EPISODE_TYPE_LABELS[e.type],
      frenchDate(e.openedOn),
      frenchDate(e.endedOn),
      e.clinical?.icd10 ?? '',
      e.lateClosure ?? '',
      l.code,
      l.label,
      CLAIM_CATEGORY_LABELS[l.category],
      frenchDate(l.performedOn),
      l.quantity,
      l.unitPrice,
      l.amount,
      l.payer === 'ramed' ? 'RAMED' : `Programme ${l.programme ?? 'CESAR'}`,
      e.excluded ?? l.excluded ?? '',
    ]),
  );
  return '\uFEFF' + stringify([[...CLAIM_CSV_COLUMNS], ...rows], { delimiter: ';' });
}
