import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { writeRegistry } from '../support/registry-generator';

export const DATA_DIR = 'bench/data';
const GENERATOR = 'tests/support/registry-generator.ts';
/** A real file has a few bad rows: the import reports them, the shell's .import takes them as they are. */
const DIRTY_RATE = 0.0005;

/**
 * The generated registry of `persons` persons, written once and kept under bench/data/ (named
 * after the generator's source, so a changed generator writes a new file). Deterministic: the
 * same options give the same bytes.
 */
export async function registryFile(persons: number, seed: number, log: (text: string) => void): Promise<string> {
  const version = createHash('sha256').update(readFileSync(GENERATOR)).digest('hex').slice(0, 8);
  const path = join(DATA_DIR, `registre-${persons}-s${seed}-${version}.csv.gz`);
  if (existsSync(path)) {
    log(`registre déjà généré : ${path}`);
    return path;
  }
  mkdirSync(DATA_DIR, { recursive: true });
  // Written aside, then renamed: an interrupted run leaves no truncated file behind that name.
  const partial = path.replace(/\.csv\.gz$/, '.partiel.csv.gz');
  const started = performance.now();
  const { rows, dirty } = await writeRegistry(partial, { persons, seed, dirtyRate: DIRTY_RATE, mixedFormats: true });
  renameSync(partial, path);
  log(`registre généré : ${path}, ${rows} lignes dont ${dirty} incorrectes, en ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return path;
}
