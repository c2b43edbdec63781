import type { Kysely } from 'kysely';
import type { ClaimSummary } from '../../../shared/domain/claims';
import { monthBounds } from '../../../shared/months';
import type { Database } from '../db/schema/index';
import { composeFor, episodeIdsOf, sha256Of } from './compose';
import type { GatherJob } from './gather';
import { insertDraft, lockLatest, setEpisodes, toSummary, type ClaimWriter } from './store';

/**
 * The closed episodes the month claims: ended in the month, or ended earlier but closed since the
 * month began (a late closing); never one another month's claim already holds.
 */
export async function episodesOfMonth(db: Kysely<Database>, month: string): Promise<number[]> {
  const { first, last } = monthBounds(month);
  const rows = await db
    .selectFrom('episode')
    .select('id')
    .where('status', '=', 'clos')
    .where('ended_on', '<=', last)
    .where((eb) => eb.or([eb('ended_on', '>=', first), eb('closed_at', '>=', first)]))
    .where((eb) =>
      eb(
        'id',
        'not in',
        eb
          .selectFrom('claim_episode')
          .innerJoin('claim', 'claim.id', 'claim_episode.claim_id')
          .select('claim_episode.episode_id')
          .where('claim.month', '<>', month),
      ),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * Builds the month's claim: the draft follows the month's closed episodes (rebuilding it changes
 * nothing when nothing changed); after sign-off, a change makes a new draft version pointing at
 * the signed one, and no change leaves the signed version as it is.
 */
export async function buildClaim(w: ClaimWriter, month: string, job: GatherJob = {}): Promise<ClaimSummary> {
  const episodeIds = await episodesOfMonth(w.db, month);
  job.signal?.throwIfAborted();
  return w.db.transaction().execute(async (db) => {
    const tx = { ...w, db };
    const latest = await lockLatest(tx, month);
    if (latest?.status === 'brouillon') {
      const document = await composeFor(db, { month, version: latest.version, previousSha256: null }, episodeIds, job);
      await setEpisodes(db, latest.id, episodeIds);
      const row = await db
        .updateTable('claim')
        .set({ built_at: w.clock.now().toISOString(), built_by: w.login, episodes: episodeIds.length, total: document.total })
        .where('id', '=', latest.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toSummary(row);
    }
    if (latest) {
      const document = await composeFor(db, { month, version: latest.version, previousSha256: null }, episodeIds, job);
      const signed = JSON.parse(latest.content!) as { previousSha256: string | null };
      const unchanged =
        sameSet(episodeIds, await episodeIdsOf(db, latest.id)) &&
        sha256Of({ ...document, previousSha256: signed.previousSha256 }) === latest.sha256;
      if (unchanged) return toSummary(latest);
      return toSummary(await insertDraft(tx, month, latest, episodeIds, document.total));
    }
    const document = await composeFor(db, { month, version: 1, previousSha256: null }, episodeIds, job);
    return toSummary(await insertDraft(tx, month, undefined, episodeIds, document.total));
  });
}
