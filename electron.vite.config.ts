import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// A shared chunk is named after the library it holds, not after whichever of its modules the
// bundler picks: charts (recharts, with the claims and the statistics), validation (zod, with
// every screen after the login), tables (TanStack Table and csv-stringify). None comes with the login.
const LIBRARY_CHUNKS: Array<[name: string, module: RegExp]> = [
  ['charts', /[\\/]node_modules[\\/]recharts[\\/]/],
  ['validation', /[\\/]node_modules[\\/]zod[\\/]/],
  ['tables', /[\\/]node_modules[\\/]@tanstack[\\/]table-core[\\/]/],
];
const libraryChunk = (moduleIds: readonly string[]) => LIBRARY_CHUNKS.find(([, module]) => moduleIds.some((id) => module.test(id)))?.[0];

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          // The registry import's reading worker, started from its own file (electron/core/registry/checked-batches.ts).
          'registry-parse-worker': resolve(import.meta.dirname, 'electron/core/registry/parse-worker.ts'),
          // The long jobs' thread (electron/core/job-runner): looked for beside the code that starts it.
          'job-worker': resolve(import.meta.dirname, 'electron/core/job-runner/job-worker.ts'),
        },
        external: ['sqlite3', 'pg', 'electron'],
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: resolve(import.meta.dirname, 'electron/preload/index.ts'),
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react()],
    build: {
      // electron-vite leaves the renderer unminified: 2.5 Mo of script to read before the login.
      minify: true,
      rollupOptions: {
        input: resolve(import.meta.dirname, 'renderer/index.html'),
        output: {
          chunkFileNames: (chunk) => {
            const library = chunk.isDynamicEntry ? undefined : libraryChunk(chunk.moduleIds);
            return library ? `assets/${library}-[hash].js` : 'assets/[name]-[hash].js';
          },
        },
      },
    },
  },
});
