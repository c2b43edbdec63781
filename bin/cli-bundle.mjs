// Where `npm run build:cli` writes the command line (out/cli/index.js), and whether it is still the
// build of the sources as they are: a stale bundle is never run (the sources are, through tsx).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUNDLE = 'out/cli/index.js';
/**
 * Written by the build beside the bundle: `{ startedAt, files }`, when it started (ms) and every
 * file of the project it read, relative to the root.
 */
const SOURCES = 'out/cli/sources.json';

export const ROOT = join(import.meta.dirname, '..');
export const CLI_BUNDLE = join(ROOT, BUNDLE);
export const CLI_SOURCES = join(ROOT, SOURCES);

/**
 * True when out/cli/index.js exists and none of the files it was built from changed, or went, since
 * its build started. Only those files are looked at (one stat each), not whole folders: a file
 * outside the bundle changes nothing until a file of the bundle imports it, and that is an edit.
 */
export function isBundleFresh(root = ROOT) {
  let built;
  try {
    built = JSON.parse(readFileSync(join(root, SOURCES), 'utf8'));
  } catch {
    return false;
  }
  // Joined by hand: path.join's normalising of some 350 paths cost as much as their stats.
  const unchanged = (file) => (statSync(`${root}/${file}`, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < built.startedAt;
  return statSync(join(root, BUNDLE), { throwIfNoEntry: false }) !== undefined && built.files.every(unchanged);
}
