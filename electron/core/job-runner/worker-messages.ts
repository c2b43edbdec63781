import type { ErrorCode } from '../../../shared/contract/result';
import { DomainError } from '../errors';
import type { JobKind } from './job-kinds';

/** What the worker is started with (its `workerData`). */
export interface WorkerStart {
  kind: JobKind;
  input: unknown;
  /** The database the host opened: the worker opens its own connection to it. */
  db: string;
  /** Where the job may put its working copies (the host's FileStore work folder). */
  workDir: string;
  /** The host clock's offset from the real time: RAMED_TODAY or a test's clock, kept running. */
  clockOffsetMs: number;
  appVersion: string;
}

export type ToWorker = { type: 'cancel' };

export type WorkerFailure =
  { domain: true; code: ErrorCode; message: string; fields?: Record<string, string> } | { domain: false; message: string; stack?: string };

export type FromWorker =
  | { type: 'progress'; done: number; total: number | null; label: string }
  | { type: 'log'; level: 'info' | 'error'; message: string; extra?: string }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; failure: WorkerFailure };

export function describeFailure(error: unknown): WorkerFailure {
  if (error instanceof DomainError) return { domain: true, code: error.code, message: error.message, fields: error.fields };
  const err = error instanceof Error ? error : new Error(String(error));
  return { domain: false, message: err.message, stack: err.stack };
}

/** The worker's error, raised again in the host: a refusal stays the same refusal, anything else an unexpected error. */
export function failureError(failure: WorkerFailure): Error {
  if (failure.domain) return new DomainError(failure.code, failure.message, failure.fields);
  const error = new Error(failure.message);
  if (failure.stack) error.stack = failure.stack;
  return error;
}
