import type { ImportResult } from '../../../shared/domain/registry-import';
import type { ImportRequest } from '../registry/import-request';

/**
 * The long jobs that may run off the thread answering the window, with what each takes and
 * answers. Both cross a thread boundary: plain data only (structured clone), no functions.
 */
export interface JobKinds {
  'registry.import': { input: ImportRequest; result: ImportResult };
}

export type JobKind = keyof JobKinds;
export type JobInput<K extends JobKind> = JobKinds[K]['input'];
export type JobResult<K extends JobKind> = JobKinds[K]['result'];

/** What a running job tells its caller, and how the caller stops it: the dispatcher's progress and signal. */
export interface JobHooks {
  progress(done: number, total: number | null, label: string): void;
  signal: AbortSignal;
}
