import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { CsvError, parse } from 'csv-parse';
import { DomainError } from '../errors';
import { isDeclarationLine } from './file-declaration';

/** A registry file on disk, as the import reads it: gzip or not, its delimiter. */
export interface RegistryFile {
  path: string;
  gzip: boolean;
  delimiter: string;
  delimiterName: string;
  /** The declaration line before the column names (file-declaration.ts), null when there is none. */
  declaration: string | null;
}

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

/** SHA-256 of the file's bytes (what identifies it in the history and for a resumed import). */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function decoded(path: string, gzip: boolean): Readable {
  const raw = createReadStream(path);
  if (!gzip) return raw;
  const gunzip = createGunzip();
  raw.on('error', (error) => gunzip.destroy(error));
  return raw.pipe(gunzip);
}

function describeReadError(error: unknown, gzip: boolean): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof CsvError) {
    const line = (error as CsvError & { lines?: number }).lines;
    const where = line ? ` (ligne ${line})` : '';
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') return badFile(`Fichier mal formé${where} : un guillemet ouvert n’est jamais refermé.`);
    if (error.code === 'CSV_INVALID_CLOSING_QUOTE' || error.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE') {
      return badFile(`Fichier mal formé${where} : guillemet mal placé dans un champ.`);
    }
    return badFile(`Fichier mal formé${where} : ${error.message}`);
  }
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return badFile('Fichier introuvable : vérifiez le chemin ou choisissez-le à nouveau.');
  if (code === 'EACCES' || code === 'EPERM') return badFile('Fichier illisible : accès refusé.');
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
 * is the first. Errors (CSV syntax, truncated gzip) become French DomainErrors. `lines: false`
 * leaves `line` at 0: the parser then does not describe each record (a quarter of its work).
 */
export async function* readRecords(file: RegistryFile, { lines = true } = {}): AsyncGenerator<FileRecord> {
  const source = decoded(file.path, file.gzip);
  const parser = source.pipe(
    parse({
      delimiter: file.delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: lines,
      // The declaration line is not CSV: the records begin with the column names below it.
      from_line: file.declaration === null ? 1 : 2,
    }),
  );
  source.on('error', (error) => parser.destroy(error));
  try {
    if (lines) {
      for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        yield { line: item.info.lines, fields: item.record };
      }
    } else {
      for await (const fields of parser as AsyncIterable<string[]>) yield { line: 0, fields };
    }
  } catch (error) {
    throw describeReadError(error, file.gzip);
  } finally {
    parser.destroy();
  }
}
