import type { FileRecord } from './registry-file';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Splits CSV that holds no quote character (`"`) into records, as csv-parse does with the import's
 * options (registry-file.ts): without quotes the grammar is only lines and delimiters, read here
 * for a fraction of csv-parse's cost (most of a check pass's time at 300 000 rows, issue #23).
 * Exact only within these bounds, so `split` answers null, without records, for a chunk beyond
 * them: a quote, or a line end that is not the file's first one (csv-parse takes the first of
 * `\r\n`, `\n`, `\r` as the only record delimiter). Chunks are whole lines (CheckedText), valid
 * UTF-8, the last one possibly without its newline.
 */
export class PlainCsv {
  readonly #delimiter: string;
  /** Lines before this one are not records (csv-parse's from_line). */
  readonly #fromLine: number;
  /** The file lines before the next chunk. */
  #lines = 0;
  /** Whether lines end with `\r\n`; null until the first line end. */
  #crlf: boolean | null = null;

  constructor(delimiter: string, fromLine: number) {
    this.#delimiter = delimiter;
    this.#fromLine = fromLine;
  }

  /** The records of the next chunk, with their line numbers; null when the chunk is not plain CSV. */
  split(chunk: Buffer): FileRecord[] | null {
    if (chunk.indexOf(QUOTE) >= 0) return null;
    const firstLf = chunk.indexOf(LF);
    const hasCr = chunk.indexOf(CR) >= 0;
    if (this.#crlf === null && firstLf >= 0) this.#crlf = firstLf > 0 && chunk[firstLf - 1] === CR;
    if (hasCr && !this.#crlf) return null;
    let text = chunk.toString('utf8');
    // bom: true strips a BOM at the start of the file only.
    if (this.#lines === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const records: FileRecord[] = [];
    let line = this.#lines;
    let nextCr = hasCr ? text.indexOf('\r') : -1;
    for (let start = 0; start < text.length; ) {
      const newline = text.indexOf('\n', start);
      const stop = newline < 0 ? text.length : newline;
      let end = stop;
      if (this.#crlf && newline >= 0) {
        // Each `\n` preceded by `\r`, no `\r` elsewhere.
        if (nextCr < 0 || nextCr !== newline - 1) return null;
        end = nextCr;
        nextCr = text.indexOf('\r', newline + 1);
      } else if (nextCr >= 0 && nextCr < stop) {
        return null;
      }
      line++;
      // skip_empty_lines
      if (end > start && line >= this.#fromLine) records.push({ line, fields: text.slice(start, end).split(this.#delimiter) });
      start = stop + 1;
    }
    this.#lines = line;
    return records;
  }
}
