import { Worker } from 'node:worker_threads';
import type { CoreDeps } from '../context';
import { DomainError } from '../errors';
import { AFTER_CRASH } from './after-crash';
import type { JobHooks, JobInput, JobKind, JobResult } from './job-kinds';
import type { JobLauncher, JobLauncherFactory } from '../context';
import { jobWorkerEntry, WORKER_RESOURCE_LIMITS, type WorkerEntry } from './worker-entry';
import { failureError, type FromWorker, type ToWorker, type WorkerStart } from './worker-messages';

/** How long closing the host waits for a cancelled job to record where it stopped. */
const CLOSE_GRACE_MS = 30_000;

export interface ThreadJobsOptions {
  entry?: WorkerEntry;
  /** Told of each worker as it starts (a test ends one abruptly, as a crash would). */
  onWorker?: (worker: Worker) => void;
}

/**
 * Long jobs in worker threads: each job gets a thread of its own that opens its own connection to
 * the same database (SQLite in WAL with its busy timeout, or a PostgreSQL pool of its own), so the
 * thread answering the window keeps its event loop and its connection for the desk's lookups.
 * Progress and cancel cross as messages; the job's answer or refusal comes back unchanged.
 */
export const threadJobs =
  (options: ThreadJobsOptions = {}): JobLauncherFactory =>
  (target) =>
    new ThreadJobs(target, options);

class ThreadJobs implements JobLauncher {
  /** Each job's thread, and when its call has ended (its crash recorded, if any). */
  readonly #running = new Map<Worker, Promise<unknown>>();
  readonly #entry: WorkerEntry;

  constructor(
    private readonly target: string,
    private readonly options: ThreadJobsOptions,
  ) {
    this.#entry = options.entry ?? jobWorkerEntry();
  }

  run<K extends JobKind>(deps: CoreDeps, kind: K, input: JobInput<K>, hooks: JobHooks): Promise<JobResult<K>> {
    const start: WorkerStart = {
      kind,
      input,
      db: this.target,
      workDir: deps.files.workDir,
      clockOffsetMs: deps.clock.now().getTime() - Date.now(),
      appVersion: deps.appVersion,
    };
    const worker = new Worker(this.#entry.url, {
      workerData: start,
      execArgv: this.#entry.execArgv,
      resourceLimits: WORKER_RESOURCE_LIMITS,
    });
    const cancel = () => worker.postMessage({ type: 'cancel' } satisfies ToWorker);
    if (hooks.signal.aborted) cancel();
    else hooks.signal.addEventListener('abort', cancel, { once: true });
    this.options.onWorker?.(worker);

    let answered = false;
    let crash: unknown = null;
    worker.on('error', (error) => (crash = error));
    const call = new Promise<JobResult<K>>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'progress') return hooks.progress(message.done, message.total, message.label);
        if (message.type === 'log') return deps.log[message.level](message.message, message.extra);
        // The worker closed its connection before answering and ends by itself; never terminated
        // (node-sqlite3 aborts the whole process when a thread holding a database is terminated).
        answered = true;
        worker.unref();
        if (message.type === 'done') resolve(message.result as JobResult<K>);
        else reject(failureError(message.failure));
      });
      worker.once('exit', () => {
        hooks.signal.removeEventListener('abort', cancel);
        if (answered) return;
        deps.log.error(`${kind} : le traitement s’est arrêté sans réponse`, crash);
        AFTER_CRASH[kind].record(deps).then(
          () => reject(new DomainError('CANCELLED', AFTER_CRASH[kind].message)),
          (error: unknown) => reject(error),
        );
      });
    });
    const settled = call.then(
      () => this.#running.delete(worker),
      () => this.#running.delete(worker),
    );
    this.#running.set(worker, settled);
    return call;
  }

  async close(): Promise<void> {
    const running = [...this.#running];
    for (const [worker] of running) worker.postMessage({ type: 'cancel' } satisfies ToWorker);
    // A job stops at the end of its batch in flight. One that does not answer in time is left to
    // the process's exit, not terminated (see above): its import stays « running » and is resumed.
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)));
    await Promise.race([Promise.all(running.map(([, ended]) => ended)), late]);
    clearTimeout(timer);
  }
}
