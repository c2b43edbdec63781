import { CsvError, parse } from 'csv-parse/sync';
import type { LineError } from '../../../shared/domain/reference';
import { searchKey } from '../../../shared/lib/text';

export interface CsvColumns {
  required: readonly string[];
  optional: readonly string[];
}

export interface CsvRow {
  /** The line of the file (1 is the header), as a spreadsheet or a text editor shows it. */
  line: number;
  values: Record<string, string>;
}

export interface CsvTable {
  rows: CsvRow[];
  warnings: string[];
  /** Problems with the file as a whole (encoding, header, quoting): nothing of it can be trusted. */
  errors: LineError[];
}

const EXCEL_HINT = 'dans Excel ou LibreOffice, enregistrez-le au format « CSV UTF-8 »';

/** Header names compare without accents, case or spacing: "Libellé" and "libelle" are the same column. */
export const columnKey = (name: string): string => searchKey(name).replace(/ /g, '_');

/** `;` is the documented separator; a file saved with `,` or tabs is read too (sniffed on the header). */
function sniffDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  if (header.includes(';')) return ';';
  if (header.includes('\t')) return '\t';
  return ',';
}

function csvErrorReason(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'un guillemet (") est ouvert et jamais fermé';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'un guillemet (") est mal placé dans la ligne';
    case 'CSV_MAX_RECORD_SIZE':
      return 'ligne trop longue : le séparateur attendu est le point-virgule';
    default:
      return 'ligne illisible';
  }
}

/**
 * Reads a reference list: UTF-8 (with or without BOM), one header row, columns in any order.
 * Unknown columns are ignored with a warning; missing required columns, a non-UTF-8 file or broken
 * quoting are errors for the whole file, with the line where they show.
 */
export function readCsvTable(bytes: Uint8Array, columns: CsvColumns): CsvTable {
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    const line = text.slice(0, bad).split('\n').length;
    return fileError(line, `caractères illisibles : le fichier n’est pas en UTF-8 (${EXCEL_HINT})`);
  }

  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      delimiter: sniffDelimiter(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    if (error instanceof CsvError) return fileError(Number(error.lines) || 1, csvErrorReason(error));
    throw error;
  }

  const [head, ...body] = records;
  if (!head) return fileError(1, 'le fichier est vide');
  const names = head.record.map(columnKey);
  const known = new Set([...columns.required, ...columns.optional]);
  const seen = new Set<string>();
  for (const name of names) {
    if (name && seen.has(name)) return fileError(head.info.lines, `la colonne « ${name} » figure deux fois dans l’en-tête`);
    seen.add(name);
  }
  const missing = columns.required.filter((c) => !seen.has(c));
  if (missing.length > 0) {
    return fileError(
      head.info.lines,
      `colonne(s) obligatoire(s) absente(s) de l’en-tête : ${missing.join(', ')} (séparateur attendu : point-virgule)`,
    );
  }
  const warnings = names
    .filter((n) => !known.has(n))
    .map((n) => (n ? `Colonne « ${n} » inconnue : ignorée.` : 'Colonne sans nom dans l’en-tête : ignorée.'));

  const rows: CsvRow[] = [];
  const errors: LineError[] = [];
  for (const { record, info } of body) {
    if (record.every((v) => v === '')) continue;
    const extra = record.slice(names.length).filter((v) => v !== '');
    if (extra.length > 0) {
      errors.push({ line: info.lines, reason: `${record.length} valeurs pour ${names.length} colonnes (un point-virgule de trop ?)` });
      continue;
    }
    const values: Record<string, string> = {};
    names.forEach((name, i) => {
      if (known.has(name)) values[name] = record[i] ?? '';
    });
    rows.push({ line: info.lines, values });
  }
  if (rows.length === 0 && errors.length === 0) return fileError(head.info.lines, 'le fichier ne contient aucune ligne après l’en-tête');
  return { rows, warnings, errors };
}

function fileError(line: number, reason: string): CsvTable {
  return { rows: [], warnings: [], errors: [{ line, reason }] };
}
