import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GeneratedFile } from '../../shared/contract/files';

/** Writes a document the core produced (PDF, CSV, JSON) where the user asked; answers its full path and bytes. */
export function writeGeneratedFile(file: GeneratedFile, out: string): { path: string; bytes: Buffer } {
  const path = resolve(out);
  const bytes = Buffer.from(file.base64, 'base64');
  writeFileSync(path, bytes);
  return { path, bytes };
}
