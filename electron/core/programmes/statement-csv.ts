import { stringify } from 'csv-stringify/sync';
import { frenchDate } from '../../../shared/lib/dates';
import type { ProgrammeStatement } from '../../../shared/domain/programmes';

export const PROGRAMME_CSV_COLUMNS = [
  'Mois',
  'Programme',
  'Payeur',
  'N° d’épisode',
  'Récépissé',
  'Patient',
  'Sexe',
  'Date de naissance',
  'Diagnostic (CIM-10)',
  'Code',
  'Libellé',
  'Date',
  'Quantité',
  'Prix unitaire (FCFA)',
  'Montant (FCFA)',
] as const;

/** One row per line the programme pays, for a French spreadsheet (`;`, BOM, dates JJ/MM/AAAA). */
export function programmeCsv(statement: ProgrammeStatement): string {
  const { programme } = statement;
  const rows = statement.episodes.flatMap((e) =>
    e.lines.map((l) => [
      statement.month,
      programme.code,
      programme.payer,
      e.number,
      e.recepisse,
      e.patientName,
      e.sex,
      frenchDate(e.birthDate),
      e.icd10 ?? '',
      l.code,
      l.label,
      frenchDate(l.performedOn),
      l.quantity,
      l.unitPrice,
      l.amount,
    ]),
  );
  return '\uFEFF' + stringify([[...PROGRAMME_CSV_COLUMNS], ...rows], { delimiter: ';' });
}
