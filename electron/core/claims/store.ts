import type { Kysely, Selectable } from 'kysely';
import type { ClaimSummary } from '../../../shared/domain/claims';
import { isUniqueViolation } from '../db/dialect';
import type { Database } from '../db/schema/index';
import type { ClaimTable } from '../db/schema/claims';
import { conflict } from '../errors';
import { assertMonthNotSent } from '../outbox/supersede';
import type { ServiceContext } from '../context';

export function toSummary(row: Selectable<ClaimTable>): ClaimSummary {
  return {
    id: row.id,
    month: row.month,
    version: row.version,
    status: row.status,
    episodes: row.episodes,
    total: Number(row.total),
    builtAt: row.built_at,
    builtBy: row.built_by,
    signedAt: row.signed_at,
    signedBy: row.signed_by,
    sha256: row.sha256,
    previousId: row.previous_id,
    resubmitsId: row.resubmits_id,
    earlyReason: row.early_reason,
  };
}

/**
 * The month's newest version, locked for the rest of the transaction (two managers take turns).
 * Resubmissions are versions of their own thread: the month's claim is its newest monthly version.
 */
export async function lockLatest(ctx: ServiceContext, month: string): Promise<Selectable<ClaimTable> | undefined> {
  return ctx.features
    .forUpdate(
      ctx.db
        .selectFrom('claim')
        .selectAll()
        .where('month', '=', month)
        .where('resubmits_id', 'is', null)
        .orderBy('version', 'desc')
        .limit(1),
    )
    .executeTakeFirst();
}

/** The version named, or the month's newest monthly version (a resubmission only by its number). */
export async function latestOf(db: Kysely<Database>, month: string, version?: number): Promise<Selectable<ClaimTable> | undefined> {
  let query = db.selectFrom('claim').selectAll().where('month', '=', month);
  query = version !== undefined ? query.where('version', '=', version) : query.where('resubmits_id', 'is', null);
  return query.orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** A new draft version after `previous` (or the first), claiming these episodes. */
export async function insertDraft(
  ctx: ServiceContext,
  month: string,
  previous: Selectable<ClaimTable> | undefined,
  episodeIds: readonly number[],
  total: number,
  earlyReason: string | null = null,
): Promise<Selectable<ClaimTable>> {
  if (previous) await assertMonthNotSent(ctx.db, month);
  const row = await ctx.db
    .insertInto('claim')
    .values({
      month,
      version: (previous?.version ?? 0) + 1,
      previous_id: previous?.id ?? null,
      resubmits_id: null,
      status: 'brouillon',
      built_at: ctx.clock.now().toISOString(),
      built_by: ctx.login,
      episodes: episodeIds.length,
      total,
      early_reason: earlyReason,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
      throw conflict(
        `Un autre poste vient de préparer la réclamation de ${month} au même moment. Rouvrez-la pour voir la version enregistrée, puis recommencez si besoin.`,
      );
    });
  await setEpisodes(ctx.db, row.id, episodeIds);
  return row;
}

/** Makes the draft claim exactly these episodes (a draft follows the month until signed). */
export async function setEpisodes(db: Kysely<Database>, claimId: number, episodeIds: readonly number[]): Promise<void> {
  const current = new Set(
    (await db.selectFrom('claim_episode').select('episode_id').where('claim_id', '=', claimId).execute()).map((r) => r.episode_id),
  );
  const wanted = new Set(episodeIds);
  const gone = [...current].filter((id) => !wanted.has(id));
  const added = episodeIds.filter((id) => !current.has(id));
  if (gone.length > 0) await db.deleteFrom('claim_episode').where('claim_id', '=', claimId).where('episode_id', 'in', gone).execute();
  for (let i = 0; i < added.length; i += 400) {
    await db
      .insertInto('claim_episode')
      .values(added.slice(i, i + 400).map((episode_id) => ({ claim_id: claimId, episode_id })))
      .execute();
  }
}
