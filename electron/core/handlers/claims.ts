import type { claimsApi } from '../../../shared/api/claims';
import { buildClaim } from '../claims/build';
import { cancelExclusion, excludeFromClaim } from '../claims/exclude';
import { exportClaim } from '../claims/export';
import { getClaim, listClaims } from '../claims/read';
import { signClaim } from '../claims/sign';
import type { ClaimWriter } from '../claims/store';
import type { HandlerContext } from '../context';
import type { Handlers } from './types';

const writer = (ctx: HandlerContext): ClaimWriter => ({
  db: ctx.db,
  features: ctx.deps.handle.features,
  clock: ctx.deps.clock,
  login: ctx.actor?.login ?? 'anonyme',
});

export const claimsHandlers: Handlers<typeof claimsApi> = {
  'claims.list': async (_input, ctx) => listClaims(ctx.db),
  'claims.get': async (input, ctx) => getClaim(ctx.db, input.month, input.version),
  'claims.build': async (input, ctx) => {
    const claim = await buildClaim(writer(ctx), input.month, { progress: ctx.progress, signal: ctx.signal });
    ctx.audit.entityId = `${claim.month} v${claim.version}`;
    ctx.audit.detail = { episodes: claim.episodes, total: claim.total, status: claim.status };
    return claim;
  },
  'claims.exclude': async (input, ctx) => {
    const { claim, exclusionId } = await excludeFromClaim(writer(ctx), input);
    ctx.audit.entityId = `${claim.month} v${claim.version}`;
    ctx.audit.detail = { exclusionId };
    return getClaim(ctx.db, input.month);
  },
  'claims.cancelExclusion': async (input, ctx) => {
    const { claim, exclusionId } = await cancelExclusion(writer(ctx), input);
    ctx.audit.entityId = `${claim.month} v${claim.version}`;
    ctx.audit.detail = { cancellationId: exclusionId };
    return getClaim(ctx.db, input.month);
  },
  'claims.sign': async (input, ctx) => {
    const claim = await signClaim(writer(ctx), input.month, input.sha256);
    ctx.audit.entityId = `${claim.month} v${claim.version}`;
    ctx.audit.detail = { sha256: claim.sha256, total: claim.total, episodes: claim.episodes };
    return claim;
  },
  'claims.export': async (input, ctx) => exportClaim(ctx.db, input, { clock: ctx.deps.clock, appVersion: ctx.deps.appVersion }),
};
