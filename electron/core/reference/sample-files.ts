import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FileEntry } from '../files';

export const SAMPLE_TARIFFS = 'exemple-illustratif-tarifs.csv';
export const SAMPLE_MEDICINES = 'exemple-illustratif-medicaments.csv';
/** The reviewed default plausibility rules (docs/claim-controls.md): not illustrative, meant to be used. */
export const DEFAULT_CONTROLS = 'controles-plausibilite.csv';
/** The reviewed default free-care programmes (docs/programmes.md): not illustrative, meant to be used. */
export const DEFAULT_PROGRAMMES = 'programmes-gratuite.csv';

/**
 * A file of the repository's `resources/` folder, found from this module upwards so that the
 * sources (CLI, tests) and the built app (out/main) both reach it.
 */
export function sampleFile(name: string): FileEntry {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    const path = join(dir, 'resources', name);
    if (existsSync(path)) return { ref: '', path, name };
    if (dirname(dir) === dir) throw new Error(`Fichier d’exemple introuvable : resources/${name}`);
  }
}
