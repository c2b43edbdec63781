import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { CsvError, parse } from 'csv-parse';
import { DomainError } from '../errors';
import { CheckedText, MAX_LINE_BYTES } from './checked-text';
import { isDeclarationLine } from './file-declaration';
import { PlainCsv } from './plain-csv';

/** A registry file on disk, as the import reads it: gzip or not, its delimiter. */
export interface RegistryFile {
  path: string;
  gzip: boolean;
  delimiter: string;
  delimiterName: string;
  /** The declaration line before the column names (file-declaration.ts), null when there is none. */
  declaration: string | null;
}

/** What the end of the file said, once every record has been read. */
export interface FileEnd {
  /** The record count the trailer line announced (and the file held), or null without a trailer. */
  trailer: number | null;
  /** Whether the file was plain CSV (no quote: see PlainCsv), read without csv-parse. */
  plain: boolean;
}

/** First field of the optional last line `#FIN;N` (N: the number of data records). */
export const TRAILER_MARK = '#FIN';

export interface FileRecord {
  /** The file line where the record ends (1 is the header). */
  line: number;
  fields: string[];
}

const GZIP_MAGIC = [0x1f, 0x8b];
const DELIMITERS: ReadonlyArray<[string, string]> = [
  [';', 'point-virgule'],
  [',', 'virgule'],
  ['\t', 'tabulation'],
];

const badFile = (message: string) => new DomainError('INVALID_INPUT', message);

function decoded(path: string, gzip: boolean): Readable {
  const raw = createReadStream(path);
  if (!gzip) return raw;
  const gunzip = createGunzip();
  raw.on('error', (error) => gunzip.destroy(error));
  return raw.pipe(gunzip);
}

export function describeReadError(error: unknown, gzip: boolean): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof CsvError) {
    const line = (error as CsvError & { lines?: number }).lines;
    const where = line ? ` (ligne ${line})` : '';
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') return badFile(`Fichier mal formé${where} : un guillemet ouvert n’est jamais refermé.`);
    if (error.code === 'CSV_INVALID_CLOSING_QUOTE' || error.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE') {
      return badFile(`Fichier mal formé${where} : guillemet mal placé dans un champ.`);
    }
    if (error.code === 'CSV_MAX_RECORD_SIZE') {
      return badFile(
        `Fichier refusé${where} : enregistrement trop long (plus de ${MAX_LINE_BYTES / 1024} Kio), ce n’est pas une ligne du registre.`,
      );
    }
    return badFile(`Fichier mal formé${where} : ${error.message}`);
  }
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return badFile('Fichier introuvable : vérifiez le chemin ou choisissez-le à nouveau.');
  if (code === 'EACCES' || code === 'EPERM') return badFile('Fichier illisible : accès refusé.');
  if (code === 'ENOSPC') return badFile('Espace disque insuffisant pour la copie de travail du fichier : libérez de la place et relancez.');
  if (gzip && (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR' || /unexpected end of file/i.test(String((error as Error)?.message)))) {
    return badFile('Fichier compressé (gzip) tronqué ou abîmé : demandez un nouvel exemplaire du fichier à l’ANAM.');
  }
  return badFile(`Lecture du fichier impossible : ${(error as Error)?.message ?? String(error)}`);
}

/** Opens a registry file: gzip by its magic bytes, the delimiter sniffed from the header line. */
export async function openRegistryFile(path: string): Promise<RegistryFile> {
  let gzip: boolean;
  try {
    const handle = await open(path, 'r');
    try {
      const head = Buffer.alloc(2);
      const { bytesRead } = await handle.read(head, 0, 2, 0);
      if (bytesRead === 0) throw badFile('Fichier vide.');
      gzip = bytesRead === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw describeReadError(error, false);
  }
  const [first = '', second = ''] = await firstLines(path, gzip, 2);
  const declaration = isDeclarationLine(first) ? first.replace(/\r$/, '') : null;
  const headerLine = declaration === null ? first : second;
  const counts = DELIMITERS.map(([d]) => headerLine.split(d).length - 1);
  const best = counts.indexOf(Math.max(...counts));
  const [delimiter, delimiterName] = counts[best]! > 0 ? DELIMITERS[best]! : DELIMITERS[0]!;
  return { path, gzip, delimiter, delimiterName, declaration };
}

async function firstLines(path: string, gzip: boolean, count: number): Promise<string[]> {
  const stream = decoded(path, gzip);
  let text = '';
  try {
    for await (const chunk of stream) {
      text += (chunk as Buffer).toString('utf8');
      const lines = text.split('\n');
      if (lines.length > count) return lines.slice(0, count);
      if (text.length > 65_536) break;
    }
    return text.split('\n').slice(0, count);
  } catch (error) {
    throw describeReadError(error, gzip);
  } finally {
    stream.destroy();
  }
}

/**
 * The file's records in order, streamed (memory stays bounded whatever the size); the header
 * is the first. Errors (CSV syntax, truncated gzip, bytes that are not UTF-8, a line too long, a
 * cut last line, a trailer that does not match) become French DomainErrors. The trailer line is
 * not yielded: `end.trailer` tells what it said. `lines: false` leaves `line` at 0: csv-parse then
 * does not describe each record (a quarter of its work).
 *
 * A file without quotes is split by PlainCsv rather than parsed by csv-parse, to the same records
 * and errors at a fraction of the cost; at the first chunk PlainCsv cannot split, the reading
 * starts over with csv-parse, past the records already read. `end.plain` tells whether the whole
 * file was plain; `plain: false` reads with csv-parse from the start (a file known not to be).
 */
export async function* readRecords(
  file: RegistryFile,
  { lines = true, end, plain = true }: { lines?: boolean; end?: FileEnd; plain?: boolean } = {},
): AsyncGenerator<FileRecord> {
  let headerLength = -1;
  let last: string[] | null = null;
  let records = 0;
  let trailer: number | null = null;
  const take = (fields: string[]): boolean => {
    if (trailer !== null)
      throw badFile(`Fichier refusé : des lignes suivent la ligne de fin « ${TRAILER_MARK} ». Demandez un nouvel exemplaire à l’ANAM.`);
    last = fields;
    if (headerLength < 0) {
      headerLength = fields.length;
      return true;
    }
    if (fields[0] === TRAILER_MARK) {
      trailer = trailerCount(fields);
      return false;
    }
    records++;
    return true;
  };
  // The declaration line is not CSV: the records begin with the column names below it.
  const fromLine = file.declaration === null ? 1 : 2;
  let text = checkedText(file);
  let split = 0;
  try {
    if (plain) {
      const splitter = new PlainCsv(file.delimiter, fromLine);
      for await (const chunk of text) {
        const chunkRecords = splitter.split(chunk as Buffer);
        if (chunkRecords === null) {
          plain = false;
          break;
        }
        for (const record of chunkRecords) {
          split++;
          if (!lines) record.line = 0;
          if (take(record.fields)) yield record;
        }
      }
      if (!plain) {
        text.destroy();
        text = checkedText(file);
      }
    }
    if (!plain) {
      const parser = csvParser(text, file.delimiter, fromLine, lines);
      try {
        // The records PlainCsv read before it stopped are csv-parse's first ones too.
        let skip = split;
        if (lines) {
          for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
            if (skip > 0) skip--;
            else if (take(item.record)) yield { line: item.info.lines, fields: item.record };
          }
        } else {
          for await (const fields of parser as AsyncIterable<string[]>) {
            if (skip > 0) skip--;
            else if (take(fields)) yield { line: 0, fields };
          }
        }
      } finally {
        parser.destroy();
      }
    }
  } catch (error) {
    throw describeReadError(error, file.gzip);
  } finally {
    text.destroy();
  }
  const lastFields = last as string[] | null;
  if (!text.endsWithNewline && lastFields !== null && records > 0 && trailer === null && lastFields.length < headerLength) {
    throw badFile(
      `Fichier tronqué : sa dernière ligne (ligne ${text.lastLine}) est coupée (${lastFields.length} champ(s) sur ${headerLength}) et le fichier ne se termine pas par un retour à la ligne. ` +
        'Demandez un nouvel exemplaire complet du fichier à l’ANAM. Aucune donnée du registre n’a été modifiée.',
    );
  }
  if (trailer !== null && trailer !== records) {
    throw badFile(
      `Fichier incomplet : sa ligne de fin annonce ${trailer} enregistrement(s), il en contient ${records}. Demandez un nouvel exemplaire complet à l’ANAM. Aucune donnée du registre n’a été modifiée.`,
    );
  }
  if (end) {
    end.trailer = trailer;
    end.plain = plain;
  }
}

/** csv-parse with the import's options, on `text`: records as string arrays, with `info` when `lines`. */
function csvParser(text: CheckedText, delimiter: string, fromLine: number, lines: boolean): Readable {
  const parser = text.pipe(
    parse({
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: lines,
      max_record_size: MAX_LINE_BYTES,
      from_line: fromLine,
    }),
  );
  text.on('error', (error) => parser.destroy(error));
  return parser;
}

/** The file's bytes, whole checked lines at a time. */
function checkedText(file: RegistryFile): CheckedText {
  const source = decoded(file.path, file.gzip);
  const text = new CheckedText();
  source.on('error', (error) => text.destroy(error));
  // Destroyed with its reader (an early stop, a restart), the file is closed too.
  text.on('close', () => source.destroy());
  return source.pipe(text);
}

function trailerCount(fields: string[]): number {
  const count = fields[1]?.trim() ?? '';
  if (fields.length !== 2 || !/^\d{1,9}$/.test(count)) {
    throw badFile(`Ligne de fin mal formée : attendu « ${TRAILER_MARK};N » où N est le nombre d’enregistrements du fichier.`);
  }
  return Number(count);
}
