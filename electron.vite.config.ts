import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const CHART_LIBRARY = /[\\/]node_modules[\\/]recharts[\\/]/;

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
          // The bundler names a shared chunk after one of its modules; the one holding the chart
          // library (loaded with the claims or the statistics, never with the login) says so.
          chunkFileNames: (chunk) =>
            !chunk.isDynamicEntry && chunk.moduleIds.some((id) => CHART_LIBRARY.test(id))
              ? 'assets/charts-[hash].js'
              : 'assets/[name]-[hash].js',
        },
      },
    },
  },
});
