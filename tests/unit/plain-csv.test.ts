import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { PlainCsv } from '../../electron/core/registry/plain-csv';
import { seededRandom } from '../../shared/lib/seeded-random';
import { openRegistryFile, readRecords, type FileEnd, type FileRecord } from '../../electron/core/registry/registry-file';
import { tempFolder } from '../support/registry-files';

// A file without quotes is read by PlainCsv, not csv-parse (registry-file.ts): both ways must give
// the same records, line numbers, trailer and errors, and a file PlainCsv cannot split must go
// through csv-parse.

const files = tempFolder();
afterAll(() => files.cleanup());

interface Outcome {
  records: FileRecord[];
  trailer: number | null;
  error: string | null;
  plain: boolean | null;
}

async function read(path: string, plain: boolean, lines: boolean): Promise<Outcome> {
  const file = await openRegistryFile(path);
  const end: FileEnd = { trailer: null, plain: false };
  const records: FileRecord[] = [];
  try {
    for await (const record of readRecords(file, { plain, lines, end })) records.push(record);
  } catch (error) {
    return { records, trailer: null, error: (error as Error).message, plain: null };
  }
  return { records, trailer: end.trailer, error: null, plain: end.plain };
}

let written = 0;

/** Reads `text` both ways (plain file and gzip, line numbers or not) and expects the same; answers the split outcome. */
async function bothWays(text: string | Buffer): Promise<Outcome> {
  const bytes = Buffer.from(text);
  let outcome: Outcome | null = null;
  for (const content of [bytes, gzipSync(bytes)]) {
    const path = files.write(`registre-${written++}.csv`, content);
    for (const lines of [true, false]) {
      const split = await read(path, true, lines);
      const parsed = await read(path, false, lines);
      expect(parsed.plain).not.toBe(true);
      expect({ ...split, plain: null }).toEqual({ ...parsed, plain: null });
      outcome ??= split;
    }
  }
  return outcome!;
}

/** Whether PlainCsv takes the whole text (so it did read it, even where the reading ends in an error). */
const splits = (text: string): boolean => new PlainCsv(';', 1).split(Buffer.from(text)) !== null;

const HEADER = 'recepisse;nom;prenoms';
const DECLARATION = '#RAMED;extraction=2026-12-05;sequence=42';
const rows = (count: number, from = 1) => Array.from({ length: count }, (_, i) => `${1000 + from + i};Haïdara;Awa ${from + i}`);
const lf = (...lines: string[]) => lines.map((line) => `${line}\n`).join('');
const crlf = (...lines: string[]) => lines.map((line) => `${line}\r\n`).join('');

// [name, text, read by PlainCsv to the end]
const CASES: Array<[string, string, boolean]> = [
  ['simple', lf(HEADER, ...rows(3)), true],
  ['BOM', '\uFEFF' + lf(HEADER, ...rows(3)), true],
  ['BOM then an empty line', '\uFEFF' + lf('', HEADER, ...rows(2)), true],
  ['BOM elsewhere than at the start is a character', lf(HEADER, '\uFEFF' + rows(1)[0], '\uFEFF'), true],
  ['CRLF', crlf(HEADER, ...rows(3)), true],
  ['CRLF with BOM, declaration, trailer', '\uFEFF' + crlf(DECLARATION, HEADER, ...rows(3), '#FIN;3'), true],
  ['empty lines (start, middle, end)', lf('', '', HEADER, '', ...rows(2), '', '', ...rows(1, 5), ''), true],
  ['CRLF empty lines', crlf('', HEADER, '', ...rows(2), '', ''), true],
  ['lines of spaces or delimiters are records', lf(HEADER, ' ', ';;', ';', ...rows(1)), true],
  ['declaration line', lf(DECLARATION, HEADER, ...rows(3)), true],
  ['declaration line with a BOM', '\uFEFF' + lf(DECLARATION, HEADER, ...rows(1)), true],
  ['declaration then an empty line', lf(DECLARATION, '', HEADER, ...rows(2)), true],
  ['declaration only', lf(DECLARATION), true],
  ['declaration only, no newline', DECLARATION, true],
  ['trailer', lf(HEADER, ...rows(3), '#FIN;3'), true],
  ['trailer without newline', lf(HEADER, ...rows(3)) + '#FIN;3', true],
  ['trailer then empty lines', lf(HEADER, ...rows(3), '#FIN;3', '', ''), true],
  ['trailer with spaces', lf(HEADER, ...rows(3), '#FIN; 3 '), true],
  ['trailer count wrong', lf(HEADER, ...rows(3), '#FIN;4'), true],
  ['trailer malformed', lf(HEADER, ...rows(3), '#FIN;trois'), true],
  ['trailer with three fields', lf(HEADER, ...rows(3), '#FIN;3;x'), true],
  ['rows after the trailer', lf(HEADER, ...rows(3), '#FIN;3', ...rows(1, 9)), true],
  ['trailer as the only row', lf(HEADER, '#FIN;0'), true],
  ['cut last line, no newline', lf(HEADER, ...rows(3)) + '1009;Haï', true],
  ['cut last line, CRLF, no newline', crlf(HEADER, ...rows(3)) + '1009;Haï', true],
  ['short last line with its newline', lf(HEADER, ...rows(3), '1009;Haï'), true],
  ['complete last line without newline', lf(HEADER, ...rows(3)) + rows(1, 9)[0], true],
  ['longer last line without newline', lf(HEADER, ...rows(3)) + '1009;a;b;c;d', true],
  ['header only', lf(HEADER), true],
  ['header only, no newline', HEADER, true],
  ['header and a cut line', lf(HEADER) + '1001', true],
  ['varying column counts', lf(HEADER, '1', '1;2', '1;2;3;4;5', ';;;;;;;', '1;;3'), true],
  ['comma delimiter', lf('recepisse,nom,prenoms', '1001,Traoré,Awa;Binta', '1002,,', '1003'), true],
  ['tab delimiter', lf('recepisse\tnom\tprenoms', '1001\tTraoré\tAwa, Binta', '1002\t\t', '1003;x'), true],
  ['a # row that is no trailer', lf(HEADER, '#FINI;3', '#fin;3', ...rows(1)), true],
  ['non-ASCII and 4-byte characters', lf(HEADER, '1001;Ngô😀;Ây', '1002;\u2028;\u00a0'), true],
  ['a long line', lf(HEADER, `1001;${'x'.repeat(60_000)};y`), true],
  ['only empty lines', lf('', '', ''), true],
  // Beyond PlainCsv: read by csv-parse.
  ['a quote', lf(HEADER, '1001;"Traoré";Awa', ...rows(2)), false],
  ['a quoted delimiter', lf(HEADER, '1001;"Traoré;Diallo";Awa'), false],
  ['a quote inside a field (csv-parse refuses it)', lf(HEADER, '1001;Tra"oré;Awa'), false],
  ['an unclosed quote', lf(HEADER, '1001;"Traoré;Awa', ...rows(2)), false],
  ['a quoted line end', lf(HEADER, '1001;"Traoré', 'Diallo";Awa', ...rows(1)), false],
  ['a bare CR inside a line', lf(HEADER, '1001;Tra\roré;Awa', ...rows(2)), false],
  ['a bare CR as line end', `${HEADER}\r1001;a;b\r1002;c;d\r`, false],
  ['a bare CR at the end', lf(HEADER, ...rows(2)) + '\r', false],
  ['a bare CR in a CRLF file', crlf(HEADER, '1001;a\r;b', ...rows(1)), false],
  ['CRLF lines in an LF file', lf(HEADER, ...rows(1)) + crlf(...rows(2, 5)), false],
  ['LF lines in a CRLF file', crlf(HEADER, ...rows(1)) + lf(...rows(2, 5)), false],
  ['an empty LF line in a CRLF file', crlf(HEADER, ...rows(1)) + '\n' + crlf(...rows(1, 5)), false],
  ['CRLF, cut last line ending with CR', crlf(HEADER, ...rows(2)) + '1009;a\r', false],
];

describe('PlainCsv and csv-parse read the same', () => {
  it.each(CASES)('%s', async (_name, text, plain) => {
    const outcome = await bothWays(text);
    if (outcome.error === null) expect(outcome.plain).toBe(plain);
    else expect(splits(text)).toBe(plain);
  });

  it('reads the outcomes the cases are about', async () => {
    expect((await bothWays('\uFEFF' + crlf(DECLARATION, HEADER, ...rows(2), '#FIN;2'))).records).toEqual([
      { line: 2, fields: ['recepisse', 'nom', 'prenoms'] },
      { line: 3, fields: ['1001', 'Haïdara', 'Awa 1'] },
      { line: 4, fields: ['1002', 'Haïdara', 'Awa 2'] },
    ]);
    expect((await bothWays(lf(HEADER, ...rows(3)) + '1009;Haï')).error).toMatch(/^Fichier tronqué : sa dernière ligne \(ligne 5\)/);
    expect((await bothWays(lf(HEADER, ...rows(3), '#FIN;4'))).error).toMatch(/^Fichier incomplet/);
    expect((await bothWays(lf(HEADER, ...rows(3), '#FIN;3', ...rows(1)))).error).toMatch(/des lignes suivent la ligne de fin/);
    expect((await bothWays(lf(HEADER, '1001;"Traoré;Awa'))).error).toMatch(/guillemet ouvert n’est jamais refermé/);
  });

  it('starts over with csv-parse past the records already split, at a quote many chunks into the file', async () => {
    const many = rows(8000);
    for (const at of [7000, 7999]) {
      const quoted = [...many];
      quoted[at] = quoted[at]!.replace('Haïdara', '"Haïdara"');
      const outcome = await bothWays(lf(HEADER, ...quoted, '#FIN;8000'));
      expect(outcome).toMatchObject({ error: null, plain: false, trailer: 8000 });
      expect(outcome.records).toHaveLength(8001);
      expect(outcome.records[at + 1]).toEqual({ line: at + 2, fields: [String(1001 + at), 'Haïdara', `Awa ${at + 1}`] });
    }
    const cr = await bothWays(crlf(HEADER, ...many.slice(0, 6000)) + lf(...many.slice(6000)));
    expect(cr.plain).toBe(false);
    expect((await bothWays(crlf(HEADER, ...many, '#FIN;8000'))).plain).toBe(true);
  });
});

describe('PlainCsv, chunk after chunk', () => {
  const chunks = (splitter: PlainCsv, ...texts: string[]) => texts.map((text) => splitter.split(Buffer.from(text)));

  it('numbers lines across chunks, drops the BOM of the file only, leaves out the lines before fromLine', () => {
    expect(chunks(new PlainCsv(';', 2), '\uFEFF#RAMED;x\nh;i\n', '\n\uFEFFa;b\n', 'c')).toEqual([
      [{ line: 2, fields: ['h', 'i'] }],
      [{ line: 4, fields: ['\uFEFFa', 'b'] }],
      [{ line: 5, fields: ['c'] }],
    ]);
  });

  it('keeps the first chunk’s line end: another one in a later chunk is not split', () => {
    expect(chunks(new PlainCsv(';', 1), 'h\r\n', '\r\na\r\n', '\nb\r\n')).toEqual([
      [{ line: 1, fields: ['h'] }],
      [{ line: 3, fields: ['a'] }],
      null,
    ]);
    expect(chunks(new PlainCsv(';', 1), 'h\r\n', 'a\n')).toEqual([[{ line: 1, fields: ['h'] }], null]);
    expect(chunks(new PlainCsv(';', 1), 'h\r\n', '\n')).toEqual([[{ line: 1, fields: ['h'] }], null]);
    expect(chunks(new PlainCsv(';', 1), 'h\n', 'a\r\n')).toEqual([[{ line: 1, fields: ['h'] }], null]);
    expect(chunks(new PlainCsv(';', 1), 'h\n', 'a\r')).toEqual([[{ line: 1, fields: ['h'] }], null]);
    expect(chunks(new PlainCsv(';', 1), 'h\r')).toEqual([null]);
  });
});

const CHARACTERS = [
  'a',
  'Z',
  '0',
  '9',
  ' ',
  '-',
  '/',
  '#',
  'é',
  'ï',
  'À',
  '😀',
  '\u00a0',
  '\uFEFF',
  ';',
  ',',
  '\t',
  "'",
  '=',
  'F',
  'I',
  'N',
];

/** A quote-free text: BOM, declaration, delimiter, line ends, empty lines, column counts, trailer, cut end, all drawn. */
function quoteFreeText(next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const delimiter = pick([';', ',', '\t']);
  const columns = 3 + Math.floor(next() * 5);
  const field = () =>
    Array.from({ length: Math.floor(next() * 6) }, () => pick(CHARACTERS))
      .join('')
      .split(delimiter)
      .join('x');
  const row = (count: number) => Array.from({ length: count }, field).join(delimiter);
  const declaration = next() < 0.3;
  const lines: string[] = [];
  if (declaration) lines.push(DECLARATION);
  if (next() < 0.1) lines.push('');
  lines.push(Array.from({ length: columns }, (_, i) => `col${i}`).join(delimiter));
  const count = next() < 0.05 ? 6000 : Math.floor(next() * 30);
  let records = 0;
  for (let i = 0; i < count; i++) {
    if (next() < 0.1) lines.push('');
    else {
      lines.push(row(next() < 0.8 ? columns : 1 + Math.floor(next() * (columns + 2))));
      records++;
    }
  }
  const ending = next();
  if (ending < 0.3) lines.push(`#FIN${delimiter}${next() < 0.8 ? records : records + 1}`);
  if (ending < 0.05) lines.push(row(columns));
  const newline = next() < 0.5 ? '\r\n' : '\n';
  const end = next();
  // A final newline; or a cut line after it; or none: the last line complete without its newline.
  if (end < 0.8) lines.push(end < 0.6 ? '' : row(1 + Math.floor(next() * (columns - 1))));
  const text = lines.map((line, i) => (i < lines.length - 1 ? line + newline : line)).join('');
  return next() < 0.2 ? `\uFEFF${text}` : text;
}

describe('PlainCsv and csv-parse read the same random quote-free texts', () => {
  const next = seededRandom(23);
  const texts = Array.from({ length: 150 }, () => quoteFreeText(next));
  it.each(texts.map((text, i) => [i, text] as const))('text %i', async (_i, text) => {
    const outcome = await bothWays(text);
    if (outcome.error === null) expect(outcome.plain).toBe(true);
    else expect(splits(text)).toBe(true);
  });
});
