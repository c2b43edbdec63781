// `npm run build:cli`: the `ramed` command bundled for Node (out/cli/index.js), as electron-vite does
// for the main process, so that it starts without compiling TypeScript. `--if-stale`: only when a
// source is newer than the bundle.
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { CLI_BUNDLE, isBundleFresh, ROOT } from '../bin/cli-bundle.mjs';

if (!(process.argv.includes('--if-stale') && isBundleFresh())) {
  // Written aside, then put in place: a `ramed` starting meanwhile never reads half a bundle.
  const outDir = join(ROOT, 'out', `cli.${process.pid}`);
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    // Packages are bundled too: resolving and reading zod's and kysely's hundreds of files from
    // node_modules took most of a `ramed check`. Left outside: sqlite3 (native), and the packages
    // loaded only by the commands that need them (pg, the PDF libraries), which stay lazy.
    ssr: { noExternal: true, external: ['sqlite3', 'pg', 'jspdf', 'jspdf-autotable', 'qrcode'] },
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
  const target = join(CLI_BUNDLE, '..');
  rmSync(target, { recursive: true, force: true });
  renameSync(outDir, target);
}
