import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** The worker's script, and what it needs to start: the same in every host. */
export interface WorkerEntry {
  url: URL;
  execArgv: string[];
}

// Named through a variable: a bundler must not take `new URL('./…', import.meta.url)` for an asset.
const WORKER_NAME = 'job-worker';

/**
 * Where the job worker's script is. From the sources (tests, the browser host) it is the
 * TypeScript file beside this one, loaded through tsx as its parent is; in a bundle (out/main)
 * this module is inlined next to the bundle's own `job-worker.js` entry (electron.vite.config.ts).
 */
export function jobWorkerEntry(here: string = import.meta.url): WorkerEntry {
  if (here.endsWith('.ts')) {
    const tsx = pathToFileURL(createRequire(here).resolve('tsx')).href;
    return { url: new URL(`./${WORKER_NAME}.ts`, here), execArgv: ['--import', tsx] };
  }
  return { url: new URL(`./${WORKER_NAME}.js`, here), execArgv: [] };
}

/**
 * The CLI's memory flag (bin/cli-process.json: `--max-semi-space-size=8`) as a worker's own limit:
 * V8's young generation is three semi-spaces. MALLOC_ARENA_MAX is the process's, not a thread's:
 * the window's and the browser host's processes keep glibc's default.
 */
export const CLI_SEMI_SPACE_MB = 8;
export const WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 3 * CLI_SEMI_SPACE_MB } as const;
