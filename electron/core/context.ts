import type { Kysely } from 'kysely';
import type { ApiEvent } from '../../shared/contract/events';
import type { Actor } from './actor';
import type { AuditKeyStore } from './audit/audit-key';
import type { AuditKeyRef } from './audit/audit-log';
import type { Clock } from './clock';
import type { DbHandle } from './db/connect';
import type { DialectFeatures } from './db/dialect';
import type { Database } from './db/schema/index';
import type { FileStore } from './files';
import type { JobHooks, JobInput, JobKind, JobResult } from './job-runner/job-kinds';
import type { JobRegistry } from './jobs';
import type { Logger } from './logger';

export type { Actor };

/** What every service needs, given as arguments so the CLI, tests and benchmarks share it. */
export interface CoreDeps {
  handle: DbHandle;
  /** The key sealing this base's audit chain, backups and secret settings (null: absent from this workstation). */
  auditKey: AuditKeyRef;
  /** Where that key is kept. */
  auditKeys: AuditKeyStore;
  clock: Clock;
  log: Logger;
  appVersion: string;
  /** Files the window handed in, by opaque reference. */
  files: FileStore;
  /**
   * For a handler that replaces the database file (a restore): waits for the other calls, closes
   * `handle`, runs `replace`, then opens and migrates the database again into `handle` and ends
   * every session. If that fails, `replace`'s undo runs and the previous database is reopened.
   */
  reopen(replace: ReplaceDatabase): Promise<void>;
  /** Told once a command has committed new messages to the upload queue (the hosts' workers wake). */
  outboxQueued: Set<() => void>;
  /** Where long jobs (the registry import) run: a worker thread in the hosts, this thread in tests. */
  jobs: JobLauncher;
}

/** Replaces the closed database's file; answers how to put the previous one back. */
export type ReplaceDatabase = () => Promise<() => Promise<void>>;

export interface ActiveSession extends Actor {
  mustChangePassword: boolean;
  startedAt: string;
  lastActivityAt: string;
  /** The user's `session_version` when this session opened; a reset password ends older sessions. */
  sessionVersion?: number;
  /** Idle too long or locked by the user: only unlocking or signing out is allowed. */
  locked?: boolean;
  /**
   * A test's actor, acting at once with no window to lock: exempt, like every session without a
   * user (the command line, the backup scheduler), from the inactivity lock, the session's age
   * limit and the account re-check.
   */
  unattended?: boolean;
}

/** Owned by a transport (one per window, per browser tab, or the CLI run). */
export interface SessionSlot {
  session: ActiveSession | null;
  emit(event: ApiEvent): void;
}

/**
 * What a service works with, in one argument: every service is `(ctx, input)`. Built once per call
 * by the dispatcher (`serviceContext` in `service-context.ts`); the demo and the tests build it by
 * the same functions (`actingAs`), so no service declares a shape of its own for the database, the
 * time or who acts.
 */
export interface ServiceContext {
  /** This call's transaction for a command; the database itself for a query, or for a job that runs its own transactions. */
  db: Kysely<Database>;
  /** The database outside any transaction: what a query reads (the same handle as `db` there). */
  readDb: Kysely<Database>;
  /** SQLite or PostgreSQL: row locks, upserts, identity columns (`electron/core/db/dialect.ts`). */
  features: DialectFeatures;
  clock: Clock;
  /** Who acts: a signed-in user, the command line, a scheduler; null before sign-in (setup, login). */
  actor: Actor | null;
  /** The actor's login as the rows it writes record it (« anonyme » without an actor). */
  login: string;
  appVersion: string;
  log: Logger;
  /** The running core, for the services that need more (the files handed in, the audit key, a restore). */
  deps: CoreDeps;
}

/** A service context with what only a handler uses: the session, the call's audit row, its job. */
export interface HandlerContext extends ServiceContext {
  slot: SessionSlot;
  /** Adds details (entity id, what changed) to this call's audit row. */
  audit: { entityId?: string; detail?: Record<string, unknown> };
  jobs: JobRegistry;
  signal: AbortSignal;
  progress(done: number, total: number | null, label: string): void;
  /** Runs `task` once the call has succeeded and its transaction committed (never after a failure). */
  afterCommit(task: () => void): void;
}

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
