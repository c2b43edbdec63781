import type { GeneratedFile } from '../../../shared/contract/files';
import type { ClaimSummary } from '../../../shared/domain/claims';
import type { CoreDeps } from '../context';
import type { ClaimBuildJob, ClaimExportJob } from '../job-runner/job-kinds';
import type { GatherJob } from './gather';
import { serviceContext } from '../service-context';
import { buildClaim } from './build';
import { exportClaim } from './export';

/** The claim built by whoever asked, on this thread's connection (its own transactions). */
export const buildClaimJob = (deps: CoreDeps, { actor, ...input }: ClaimBuildJob, hooks: GatherJob): Promise<ClaimSummary> =>
  buildClaim(serviceContext(deps, deps.handle.db, actor), input, hooks);

/** A signed version laid out as a file (the bordereau, the FHIR bundle, the CSV). */
export const exportClaimJob = (deps: CoreDeps, { actor, version, ...input }: ClaimExportJob): Promise<GeneratedFile> =>
  exportClaim(serviceContext(deps, deps.handle.db, actor), { ...input, ...(version === null ? {} : { version }) });
