import type { claimsApi } from '../../../shared/api/claims';
import { cancelExclusion, excludeFromClaim } from '../claims/exclude';
import { getClaim } from '../claims/read';
import { previewResubmission, resubmit } from '../claims/resubmission';
import { signClaim } from '../claims/sign';
import { claimFollowUp, claimListRows } from '../responses/follow-up';
import { importResponseFile } from '../responses/import-file';
import type { Handlers } from './types';
import { jobActor } from './job-actor';
import { wakeOutboxAfterCommit } from './wake-outbox';

export const claimsHandlers: Handlers<typeof claimsApi> = {
  'claims.list': async (_input, ctx) => claimListRows(ctx),
  'claims.get': async (input, ctx) => getClaim(ctx, input),
  'claims.build': async (input, ctx) => {
    // Off the thread that answers the window (threadJobs in the hosts): composing a month takes seconds.
    const claim = await ctx.deps.jobs.run(
      ctx.deps,
      'claims.build',
      { month: input.month, earlyReason: input.earlyReason ?? null, actor: jobActor(ctx) },
      { progress: ctx.progress, signal: ctx.signal },
    );
    ctx.audit.entityId = `${claim.month} v${claim.version}`;
    ctx.audit.detail = { episodes: claim.episodes, total: claim.total, status: claim.status, earlyReason: claim.earlyReason };
    return claim;
  },
  'claims.exclude': async (input, ctx) => {
    const { claim, exclusionId } = await excludeFromClaim(ctx, input);
    ctx.audit.entityId = `${claim.month} v${claim.version}`;
    ctx.audit.detail = { exclusionId };
    return getClaim(ctx, { month: input.month });
  },
  'claims.cancelExclusion': async (input, ctx) => {
    const { claim, exclusionId } = await cancelExclusion(ctx, input);
    ctx.audit.entityId = `${claim.month} v${claim.version}`;
    ctx.audit.detail = { cancellationId: exclusionId };
    return getClaim(ctx, { month: input.month });
  },
  'claims.sign': async (input, ctx) => {
    const claim = await signClaim(ctx, input);
    ctx.audit.entityId = `${claim.month} v${claim.version}`;
    ctx.audit.detail = { sha256: claim.sha256, total: claim.total, episodes: claim.episodes };
    wakeOutboxAfterCommit(ctx);
    return claim;
  },
  'claims.export': async (input, ctx) =>
    ctx.deps.jobs.run(
      ctx.deps,
      'claims.export',
      { month: input.month, version: input.version ?? null, format: input.format, actor: jobActor(ctx) },
      { progress: ctx.progress, signal: ctx.signal },
    ),
  'claims.followUp': async (input, ctx) => claimFollowUp(ctx, input),
  'claims.importResponse': async (input, ctx) => {
    const file = ctx.deps.files.resolve(input.file);
    const report = await importResponseFile(ctx, file);
    ctx.audit.entityId = file.name;
    ctx.audit.detail = { responses: report.responses, applied: report.applied, unchanged: report.unchanged, errors: report.errors };
    return report;
  },
  'claims.previewResubmission': async (input, ctx) => previewResubmission(ctx, input),
  'claims.resubmit': async (input, ctx) => {
    const claim = await resubmit(ctx, input);
    ctx.audit.entityId = `${claim.month} v${claim.version}`;
    ctx.audit.detail = { resubmits: input.version, sha256: claim.sha256, total: claim.total, episodes: claim.episodes };
    wakeOutboxAfterCommit(ctx);
    return claim;
  },
};
