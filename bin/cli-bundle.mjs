// Where `npm run build:cli` writes the command line (out/cli/index.js), and whether it is newer
// than every source it was built from: a stale bundle is never run (the sources are, through tsx).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
export const CLI_BUNDLE = join(ROOT, 'out/cli/index.js');
const SOURCES = ['electron/core', 'electron/cli', 'shared', 'scripts/build-cli.mjs', 'package.json'];

function newestChange(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

/** True when out/cli/index.js exists and no source changed since it was written. */
export function isBundleFresh() {
  const built = statSync(CLI_BUNDLE, { throwIfNoEntry: false })?.mtimeMs;
  return built !== undefined && SOURCES.every((source) => newestChange(join(ROOT, source)) <= built);
}
