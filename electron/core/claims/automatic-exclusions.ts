import { CLAIM_CHECK_LABELS, type ClaimDocument } from '../../../shared/domain/claims';
import { activeExclusions, checkSeverities } from './compose';
import type { ServiceContext } from '../context';

const LIFTED = `Exclusion automatique levée : l’épisode ne tombe plus sous le contrôle « ${CLAIM_CHECK_LABELS.NOT_REGULARISED} » (régularisé, ou délai allongé).`;

/**
 * An emergency out of the registry not regularised by its deadline leaves the claim by itself: a
 * whole-episode exclusion row marked automatic, the check's message as its reason. Once it no
 * longer fails the check (the registry brought the person in time, a longer delay, the check set
 * to a warning), a cancelling row, automatic too, puts it back. A manager's exclusion of the
 * whole episode is left as it is. Answers whether a row was written (the claim must be composed again).
 */
export async function syncAutomaticExclusions(ctx: ServiceContext, document: ClaimDocument): Promise<boolean> {
  const blocks = (await checkSeverities(ctx.db)).NOT_REGULARISED === 'bloquant';
  const failing = new Map(
    blocks ? document.flags.filter((f) => f.code === 'NOT_REGULARISED').map((f) => [f.episodeId, f.message] as const) : [],
  );
  const whole = (
    await activeExclusions(
      ctx.db,
      document.episodes.map((e) => e.episodeId),
    )
  ).filter((x) => x.lineKey === null);
  const excluded = new Set(whole.map((x) => x.episodeId));
  const at = ctx.clock.now().toISOString();
  const rows = [
    ...[...failing]
      .filter(([episodeId]) => !excluded.has(episodeId))
      .map(([episodeId, message]) => ({ episode_id: episodeId, reason: message, cancels_id: null })),
    ...whole
      .filter((x) => x.automatic && !failing.has(x.episodeId))
      .map((x) => ({ episode_id: x.episodeId, reason: LIFTED, cancels_id: x.id })),
  ];
  if (rows.length === 0) return false;
  await ctx.db
    .insertInto('claim_exclusion')
    .values(rows.map((r) => ({ ...r, line_key: null, at, by_login: ctx.login, automatic: 1 })))
    .execute();
  return true;
}
