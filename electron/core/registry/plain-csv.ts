const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** A record and the file line where it is (registry-file.ts's FileRecord). */
export interface PlainRecord {
  line: number;
  fields: string[];
}

/**
 * Splits CSV without any quote character (`"`) into records exactly as csv-parse does with the
 * import's options (registry-file.ts), for a fraction of its cost: csv-parse was most of a check
 * pass's time at 300 000 rows (issue #23). Without quotes a record is one line, split at the
 * delimiter; empty lines are skipped, a BOM at the start of the file dropped, the lines before
 * `fromLine` left out. csv-parse takes the file's first line end (`\r\n`, `\n` or `\r`) as the
 * only one: a chunk holding a quote or another line end (a bare `\r`, which csv-parse also counts
 * as a line) is not split, `split` answers null. Chunks are whole lines (CheckedText), valid UTF-8,
 * the last one perhaps without its newline.
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
  split(chunk: Buffer): PlainRecord[] | null {
    if (chunk.indexOf(QUOTE) >= 0) return null;
    if (this.#crlf === null) {
      const newline = chunk.indexOf(LF);
      if (newline >= 0) this.#crlf = newline > 0 && chunk[newline - 1] === CR;
    }
    let text = chunk.toString('utf8');
    // bom: true strips a BOM at the start of the file only.
    if (this.#lines === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const records: PlainRecord[] = [];
    let line = this.#lines;
    // A `\r` is only allowed as the end of a `\r\n` line, in a file whose first line ends so.
    let cr = text.indexOf('\r');
    for (let start = 0; start < text.length;) {
      const newline = text.indexOf('\n', start);
      const stop = newline < 0 ? text.length : newline;
      let end = stop;
      if (this.#crlf && newline >= 0) {
        if (newline === start || cr !== newline - 1) return null;
        end = cr;
        cr = text.indexOf('\r', newline + 1);
      } else if (cr >= 0 && cr < stop) {
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
