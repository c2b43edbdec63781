import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { startPullScheduler } from './anam-lists/scheduler';
import type { AuditKeyStore } from './audit/audit-key';
import { openCore } from './app';
import { startBackupScheduler } from './backup/scheduler';
import type { Core } from './core-types';
import { isPostgresUrl } from './db/connect';
import { threadJobs } from './job-runner/thread-jobs';
import { startOutboxWorker } from './outbox/worker';

/** A long-running host's core (the Electron window's, the browser host's) with its background workers. */
export interface Host {
  core: Core;
  /** Stops the workers (each finishes what it is doing), then closes the database. */
  stop(): Promise<void>;
}

/**
 * The one start-up sequence of the window and of the browser host: opens (creating the folder of a
 * SQLite file) and migrates the database, then starts the automatic backups, the outbox worker and
 * the pulls of the ANAM lists. The CLI opens a core without workers: a command does its work and ends.
 */
export async function startHost(options: {
  db: string;
  /** How a refused restore names this process (« l'application RAMED Guichet »…). */
  program: string;
  /** Recorded with each send attempt: which kind of host sent it ('poste', 'web'). */
  outboxName: string;
  auditKeys?: AuditKeyStore;
}): Promise<Host> {
  if (!isPostgresUrl(options.db)) mkdirSync(dirname(options.db), { recursive: true });
  // Long jobs (the registry import) in threads of their own: this one stays free to answer the window.
  const core = await openCore({ db: options.db, program: options.program, auditKeys: options.auditKeys, jobs: threadJobs() });
  const backups = startBackupScheduler(core);
  const outbox = startOutboxWorker(core, options.outboxName);
  const pulls = startPullScheduler(core);
  return {
    core,
    async stop() {
      await backups.stop();
      await pulls.stop();
      await outbox.stop();
      await core.close();
    },
  };
}
