import type { CoreDeps } from '../context';
import type { JobHooks, JobInput, JobKind, JobResult } from './job-kinds';
import { runJob } from './run-job';

/**
 * Where a long job runs. The handler starting it sees the same answer, progress and cancel either
 * way: `inlineJobs` in the calling thread (the CLI, tests with a fixed clock, scripts), `threadJobs`
 * in a worker thread with its own database connection (the window's host, the browser host).
 */
export interface JobLauncher {
  run<K extends JobKind>(deps: CoreDeps, kind: K, input: JobInput<K>, hooks: JobHooks): Promise<JobResult<K>>;
  /** Cancels the jobs in flight and waits until they have stopped (before the database closes). */
  close(): Promise<void>;
}

/** Chosen by the host when it opens the core; given the database the core opened (file or URL). */
export type JobLauncherFactory = (target: string) => JobLauncher;

export const inlineJobs: JobLauncherFactory = () => ({
  run: (deps, kind, input, hooks) => runJob(deps, kind, input, hooks),
  close: async () => {},
});
