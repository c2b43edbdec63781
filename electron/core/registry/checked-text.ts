import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { DomainError } from '../errors';

/**
 * Longest line a registry file may hold. A real line is a few hundred bytes; the bound keeps a
 * broken file (one line of hundreds of megabytes) from taking the import's memory with it.
 */
export const MAX_LINE_BYTES = 64 * 1024;

const NEWLINE = 0x0a;
const badFile = (message: string) => new DomainError('INVALID_INPUT', message);

/**
 * Passes a file's bytes on whole lines at a time, refusing what the CSV parser would otherwise
 * take silently: bytes that are not UTF-8 (a Latin-1 export turns « Haïdara » into « Ha�dara »,
 * which no search finds) and a line longer than `MAX_LINE_BYTES`. Both refusals name the line.
 * Once ended, `endsWithNewline` tells whether the last line was complete (a cut file is not).
 */
export class CheckedText extends Transform {
  /** The start of a line whose end has not arrived yet. */
  #carry: Buffer = Buffer.alloc(0);
  /** The file line where `#carry` starts. */
  #line = 1;
  endsWithNewline = true;
  /** The number of the file's last line (once ended). */
  lastLine = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const data = this.#carry.length > 0 ? Buffer.concat([this.#carry, chunk]) : chunk;
    const end = data.lastIndexOf(NEWLINE);
    if (end < 0) {
      this.#carry = data;
      return done(this.#carry.length > MAX_LINE_BYTES ? tooLong(this.#line) : null);
    }
    const complete = data.subarray(0, end + 1);
    const error = this.#check(complete);
    if (error) return done(error);
    // A copy: the rest must not keep the whole chunk alive.
    this.#carry = Buffer.from(data.subarray(end + 1));
    if (this.#carry.length > MAX_LINE_BYTES) return done(tooLong(this.#line));
    done(null, complete);
  }

  override _flush(done: TransformCallback): void {
    this.endsWithNewline = this.#carry.length === 0;
    this.lastLine = this.endsWithNewline ? this.#line - 1 : this.#line;
    if (this.endsWithNewline) return done();
    const error = this.#check(this.#carry);
    if (error) return done(error);
    done(null, this.#carry);
  }

  /** Checks whole lines and counts them; answers the refusal of the first bad one. */
  #check(lines: Buffer): DomainError | null {
    const valid = isUtf8(lines);
    let start = 0;
    for (;;) {
      const end = lines.indexOf(NEWLINE, start);
      const stop = end < 0 ? lines.length : end + 1;
      if (stop - start > MAX_LINE_BYTES) return tooLong(this.#line);
      if (!valid && !isUtf8(lines.subarray(start, stop))) return notUtf8(this.#line);
      if (end < 0) return null;
      this.#line++;
      start = end + 1;
      if (start === lines.length) return null;
    }
  }
}

function notUtf8(line: number): DomainError {
  return badFile(
    `Fichier refusé, ligne ${line} : caractères illisibles, le fichier n’est pas encodé en UTF-8 (il l’est sans doute en Latin-1 / Windows-1252). ` +
      'Demandez à l’ANAM un fichier en UTF-8, ou réenregistrez-le en UTF-8. Aucune donnée du registre n’a été modifiée.',
  );
}

function tooLong(line: number): DomainError {
  return badFile(
    `Fichier refusé, ligne ${line} : ligne trop longue (plus de ${MAX_LINE_BYTES / 1024} Kio), ce n’est pas une ligne du registre. ` +
      'Le fichier est abîmé : demandez un nouvel exemplaire à l’ANAM.',
  );
}
