import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI_SEMI_SPACE_MB, jobWorkerEntry, WORKER_RESOURCE_LIMITS } from '../../electron/core/job-runner/worker-entry';

describe('the job worker entry', () => {
  it('from the sources: the TypeScript file beside the runner, loaded through tsx', () => {
    const entry = jobWorkerEntry();
    expect(fileURLToPath(entry.url)).toMatch(/electron\/core\/job-runner\/job-worker\.ts$/);
    expect(existsSync(entry.url)).toBe(true);
    expect(entry.execArgv[0]).toBe('--import');
    expect(existsSync(new URL(entry.execArgv[1]!))).toBe(true);
  });

  it('in a bundle: job-worker.js beside the chunk that starts it, nothing to load first', () => {
    expect(jobWorkerEntry('file:///opt/ramed/out/cli/app-Xy12.js')).toEqual({
      url: new URL('file:///opt/ramed/out/cli/job-worker.js'),
      execArgv: [],
    });
  });

  it('the worker keeps the memory flag the ramed command starts with', () => {
    const cli = JSON.parse(readFileSync(new URL('../../bin/cli-process.json', import.meta.url), 'utf8')) as { nodeFlags: string[] };
    expect(cli.nodeFlags).toContain(`--max-semi-space-size=${CLI_SEMI_SPACE_MB}`);
    expect(WORKER_RESOURCE_LIMITS.maxYoungGenerationSizeMb).toBe(3 * CLI_SEMI_SPACE_MB);
  });
});
