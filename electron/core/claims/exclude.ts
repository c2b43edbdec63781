import type { ClaimSummary } from '../../../shared/domain/claims';
import { frenchMonth } from '../../../shared/lib/months';
import { conflict, notFound } from '../errors';
import { activeExclusions, episodeIdsOf } from './compose';
import { insertDraft, lockLatest, toSummary } from './store';
import type { ServiceContext } from '../context';

/** The month's draft to change: the current one, or a new version after a signed one. */
async function draftFor(ctx: ServiceContext, month: string) {
  const latest = await lockLatest(ctx, month);
  if (!latest) throw notFound(`Aucune réclamation pour ${frenchMonth(month)} : construisez-la d’abord.`);
  if (latest.status === 'brouillon') return latest;
  return insertDraft(ctx, month, latest, await episodeIdsOf(ctx.db, latest.id), Number(latest.total));
}

/** Leaves a line (by its key) or a whole episode out of the claim, with the reason; a new row, audited. */
export async function excludeFromClaim(
  ctx: ServiceContext,
  input: { month: string; episodeId: number; lineKey?: string | undefined; reason: string },
): Promise<{ claim: ClaimSummary; exclusionId: number }> {
  const draft = await draftFor(ctx, input.month);
  const episodeIds = await episodeIdsOf(ctx.db, draft.id);
  if (!episodeIds.includes(input.episodeId)) throw notFound('Cet épisode ne fait pas partie de la réclamation du mois.');
  const lineKey = input.lineKey ?? null;
  const already = (await activeExclusions(ctx.db, [input.episodeId])).find((x) => x.lineKey === lineKey);
  if (already) throw conflict(`Déjà exclu par ${already.by} : « ${already.reason} ».`);
  const row = await ctx.db
    .insertInto('claim_exclusion')
    .values({
      episode_id: input.episodeId,
      line_key: lineKey,
      reason: input.reason,
      at: ctx.clock.now().toISOString(),
      by_login: ctx.login,
      cancels_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { claim: toSummary(draft), exclusionId: row.id };
}

/** Puts an excluded line or episode back: a new row cancels the exclusion, which stays recorded. */
export async function cancelExclusion(
  ctx: ServiceContext,
  input: { month: string; exclusionId: number; reason: string },
): Promise<{ claim: ClaimSummary; exclusionId: number }> {
  const draft = await draftFor(ctx, input.month);
  const exclusion = await ctx.db.selectFrom('claim_exclusion').selectAll().where('id', '=', input.exclusionId).executeTakeFirst();
  const episodeIds = await episodeIdsOf(ctx.db, draft.id);
  if (!exclusion || exclusion.cancels_id !== null || !episodeIds.includes(exclusion.episode_id)) {
    throw notFound('Exclusion introuvable dans la réclamation du mois.');
  }
  const active = await activeExclusions(ctx.db, [exclusion.episode_id]);
  if (!active.some((x) => x.id === exclusion.id)) throw conflict('Cette exclusion a déjà été annulée.');
  const row = await ctx.db
    .insertInto('claim_exclusion')
    .values({
      episode_id: exclusion.episode_id,
      line_key: exclusion.line_key,
      reason: input.reason,
      at: ctx.clock.now().toISOString(),
      by_login: ctx.login,
      cancels_id: exclusion.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { claim: toSummary(draft), exclusionId: row.id };
}
