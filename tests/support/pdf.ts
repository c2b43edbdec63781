import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GeneratedFile } from '../../shared/contract/files';

/** A PDF the back end produced, saved to a temp folder for the poppler tools; `dispose` removes it. */
export function savedPdf(file: GeneratedFile): { path: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'ramed-pdf-'));
  const path = join(dir, file.fileName);
  writeFileSync(path, Buffer.from(file.base64, 'base64'));
  return { path, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export const pdfText = (path: string): string => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

export const pdfInfo = (path: string): string => execFileSync('pdfinfo', [path], { encoding: 'utf8' });

/** The first page rendered in grey levels (0 black … 255 white) by pdftoppm, read from its PGM output. */
export function renderGrey(path: string, dpi: number): { width: number; height: number; at(x: number, y: number): number } {
  const out = join(mkdtempSync(join(tmpdir(), 'ramed-render-')), 'page');
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', path, out]);
  const bytes = readFileSync(`${out}.pgm`);
  rmSync(join(out, '..'), { recursive: true, force: true });
  // Binary PGM: "P5", width, height, maxval, one whitespace, then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('PGM illisible');
  const [whole, w, h] = header;
  const width = Number(w);
  const offset = whole.length;
  return { width, height: Number(h), at: (x, y) => bytes[offset + y * width + x]! };
}
