import type { GeneratedFile } from '../../../shared/contract/files';
import type { ClaimSummary } from '../../../shared/domain/claims';
import type { ImportResult } from '../../../shared/domain/registry-import';
import type { ClaimExportFormat } from '../../../shared/api/claims';
import type { Actor } from '../actor';
import type { ImportRequest } from '../registry/import-request';

/**
 * The long jobs that may run off the thread answering the window, with what each takes and
 * answers. Both cross a thread boundary: plain data only (structured clone), no functions.
 */
export interface JobKinds {
  'registry.import': { input: ImportRequest; result: ImportResult };
  'claims.build': { input: ClaimBuildJob; result: ClaimSummary };
  'claims.export': { input: ClaimExportJob; result: GeneratedFile };
}

/** What building a month's claim takes across a thread: the call's input and who asked. */
export interface ClaimBuildJob {
  month: string;
  earlyReason: string | null;
  actor: Actor;
}

/** A signed version to lay out as a file, and who asked. */
export interface ClaimExportJob {
  month: string;
  version: number | null;
  format: ClaimExportFormat;
  actor: Actor;
}

export type JobKind = keyof JobKinds;
export type JobInput<K extends JobKind> = JobKinds[K]['input'];
export type JobResult<K extends JobKind> = JobKinds[K]['result'];

/** What a running job tells its caller, and how the caller stops it: the dispatcher's progress and signal. */
export interface JobHooks {
  progress(done: number, total: number | null, label: string): void;
  signal: AbortSignal;
}
