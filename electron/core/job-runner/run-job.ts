import type { CoreDeps } from '../context';
import { buildClaimJob, exportClaimJob } from '../claims/claim-jobs';
import { importRegistry } from '../registry/import-registry';
import type { JobHooks, JobInput, JobKind, JobResult } from './job-kinds';

type JobBody<K extends JobKind> = (deps: CoreDeps, input: JobInput<K>, hooks: JobHooks) => Promise<JobResult<K>>;

/** Each job through its service's own entry point: the same call in the thread and in a worker. */
const JOBS: { [K in JobKind]: JobBody<K> } = {
  'registry.import': importRegistry,
  'claims.build': buildClaimJob,
  'claims.export': exportClaimJob,
};

export function runJob<K extends JobKind>(deps: CoreDeps, kind: K, input: JobInput<K>, hooks: JobHooks): Promise<JobResult<K>> {
  return (JOBS[kind] as JobBody<K>)(deps, input, hooks);
}
