// `npm run build:cli`: the `ramed` command bundled for Node (out/cli/index.js), as electron-vite does
// for the main process, so that it starts without compiling TypeScript. `--if-stale`: only when a
// file it was built from changed since (bin/cli-bundle.mjs).
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { build } from 'vite';
import { CLI_BUNDLE, CLI_SOURCES, isBundleFresh, ROOT } from '../bin/cli-bundle.mjs';

// Read by the build without being modules of its graph: its own settings, and the installed
// packages (npm rewrites node_modules/.package-lock.json at every install or update).
const BUILD_INPUTS = ['scripts/build-cli.mjs', 'package.json', 'node_modules/.package-lock.json'];

/**
 * What bin/cli-bundle.mjs checks: when the build started, and the project's files it read (every
 * module of its graph, relative to the root, and BUILD_INPUTS); filled in when the graph is complete.
 */
function sourcesPlugin(sources) {
  return {
    name: 'ramed-cli-sources',
    buildEnd() {
      const files = new Set(BUILD_INPUTS.filter((file) => existsSync(join(ROOT, file))));
      for (const id of this.getModuleIds()) {
        const file = relative(ROOT, id.split('?')[0]);
        if (isAbsolute(id) && !file.startsWith(`..${sep}`) && !file.split(sep).includes('node_modules')) files.add(file);
      }
      sources.files = [...files].sort();
    },
  };
}

if (!(process.argv.includes('--if-stale') && isBundleFresh())) {
  // Written aside, then put in place: a `ramed` starting meanwhile never reads half a bundle.
  const outDir = join(ROOT, 'out', `cli.${process.pid}`);
  // Taken before any source is read: a file edited while the build runs leaves the bundle stale.
  const sources = { startedAt: Date.now(), files: [] };
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    // Packages are bundled too: resolving and reading zod's and kysely's hundreds of files from
    // node_modules took most of a `ramed check`. Left outside: sqlite3 (native), and the packages
    // loaded only by the commands that need them (pg, the PDF libraries), which stay lazy.
    ssr: { noExternal: true, external: ['sqlite3', 'pg', 'jspdf', 'jspdf-autotable', 'qrcode'] },
    plugins: [sourcesPlugin(sources)],
    build: {
      ssr: true,
      outDir,
      target: 'node24',
      emptyOutDir: true,
      minify: false,
      rolldownOptions: {
        // The registry import's reading worker is started from its own file, beside the bundle
        // (electron/core/registry/checked-batches.ts).
        input: {
          index: join(ROOT, 'electron/cli/index.ts'),
          'registry-parse-worker': join(ROOT, 'electron/core/registry/parse-worker.ts'),
        },
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  });
  writeFileSync(join(outDir, basename(CLI_SOURCES)), JSON.stringify(sources));
  const target = join(CLI_BUNDLE, '..');
  rmSync(target, { recursive: true, force: true });
  renameSync(outDir, target);
}
