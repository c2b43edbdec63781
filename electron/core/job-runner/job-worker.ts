// The thread a long job runs in (thread-jobs.ts starts it): its own connection to the host's
// database, the job's service called through its usual entry point, progress and the answer sent
// back as messages, a cancel received as one.
import { parentPort, workerData } from 'node:worker_threads';
import { fileKeyStore } from '../audit/audit-key';
import type { Clock } from '../clock';
import type { CoreDeps } from '../context';
import { openDatabase, type DbHandle } from '../db/connect';
import { FileStore } from '../files';
import type { Logger } from '../logger';
import { inlineJobs } from './launcher';
import { runJob } from './run-job';
import { describeFailure, type FromWorker, type ToWorker, type WorkerStart } from './worker-messages';

const port = parentPort!;
const start = workerData as WorkerStart;
const send = (message: FromWorker) => port.postMessage(message);

const controller = new AbortController();
port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') controller.abort();
});

const clock: Clock = { now: () => new Date(Date.now() + start.clockOffsetMs) };
const log: Logger = {
  info: (message, extra) => send({ type: 'log', level: 'info', message, extra: describe(extra) }),
  error: (message, extra) => send({ type: 'log', level: 'error', message, extra: describe(extra) }),
};

/**
 * The job's dependencies, as the host's core has them, on this thread's own connection. No job
 * here replaces the database or seals the audit chain: the host's thread writes the call's audit row.
 */
function workerDeps(handle: DbHandle): CoreDeps {
  return {
    handle,
    auditKey: { key: null, where: 'le traitement de fond' },
    auditKeys: fileKeyStore(''),
    clock,
    log,
    appVersion: start.appVersion,
    files: new FileStore(start.workDir),
    reopen: () => Promise.reject(new Error('Une restauration ne se lance pas depuis un traitement de fond.')),
    outboxQueued: new Set(),
    // Already off the host's thread: anything it starts runs here.
    jobs: inlineJobs(start.db),
  };
}

try {
  const handle = await openDatabase(start.db);
  try {
    const hooks = {
      progress: (done: number, total: number | null, label: string) => send({ type: 'progress', done, total, label }),
      signal: controller.signal,
    };
    send({ type: 'done', result: await runJob(workerDeps(handle), start.kind, start.input as never, hooks) });
  } finally {
    await handle.close();
  }
} catch (error) {
  send({ type: 'failed', failure: describeFailure(error) });
}
port.close();

function describe(extra: unknown): string | undefined {
  if (extra === undefined) return undefined;
  return extra instanceof Error ? (extra.stack ?? extra.message) : String(extra);
}
