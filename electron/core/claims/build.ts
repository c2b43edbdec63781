import type { Kysely } from 'kysely';
import type { ClaimSummary } from '../../../shared/domain/claims';
import { buildRefusal, claimPeriod } from '../../../shared/rules/claim-period';
import { monthBounds } from '../../../shared/lib/months';
import { isoToday } from '../clock';
import type { Database } from '../db/schema/index';
import { refused } from '../errors';
import { sentVersionOf } from '../outbox/supersede';
import { linkArrivedPersons } from '../reception/link-persons';
import { syncAutomaticExclusions } from './automatic-exclusions';
import { composeFor, episodeIdsOf, sha256Of } from './compose';
import type { GatherJob } from './gather';
import { insertDraft, latestOf, lockLatest, setEpisodes, toSummary } from './store';
import type { ServiceContext } from '../context';

/** Months whose claim has been signed: an episode of theirs closed since goes to a later month's claim. */
async function signedMonths(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db
    .selectFrom('claim')
    .select('month')
    .distinct()
    .where('status', '<>', 'brouillon')
    .where('resubmits_id', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.month));
}

/**
 * The closed episodes the month claims, never one another month's claim already holds: those that
 * ended in the month, and those of an earlier month closed after that month's claim was signed
 * (a late closing, marked in the claim). Once the month's claim has left for the ANAM, it keeps
 * the episodes it holds: one closed since waits for the next month's claim, never lost.
 */
export async function episodesOfMonth(db: Kysely<Database>, month: string): Promise<number[]> {
  const { first, last } = monthBounds(month);
  const rows = await db
    .selectFrom('episode')
    .select(['id', 'ended_on'])
    .where('status', '=', 'clos')
    .where('ended_on', '<=', last)
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
  if (await sentVersionOf(db, month)) {
    const latest = await latestOf(db, month);
    const held = new Set(latest ? await episodeIdsOf(db, latest.id) : []);
    return rows.filter((r) => held.has(r.id)).map((r) => r.id);
  }
  const signed = await signedMonths(db);
  return rows.filter((r) => r.ended_on! >= first || signed.has(r.ended_on!.slice(0, 7))).map((r) => r.id);
}

const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * Builds the month's claim: the draft follows the month's closed episodes (rebuilding it changes
 * nothing when nothing changed); after sign-off, a change makes a new draft version pointing at
 * the signed one, and no change leaves the signed version as it is.
 */
export async function buildClaim(
  ctx: ServiceContext,
  { month, earlyReason = null }: { month: string; earlyReason?: string | null | undefined },
  job: GatherJob = {},
): Promise<ClaimSummary> {
  const refusal = buildRefusal(month, isoToday(ctx.clock), earlyReason);
  if (refusal) throw refused(refusal);
  // Recorded only when it was needed: on the month's last day.
  const early = claimPeriod(month, isoToday(ctx.clock)) === 'dernier_jour' ? earlyReason : null;
  const episodeIds = await episodesOfMonth(ctx.db, month);
  job.signal?.throwIfAborted();
  const judged: GatherJob = { ...job, asOf: isoToday(ctx.clock) };
  return ctx.db.transaction().execute(async (db) => {
    const tx = { ...ctx, db };
    await linkArrivedPersons(tx);
    // Composed again when an episode has just left the claim, or come back, by itself.
    const compose = async (version: number) => {
      const first = await composeFor(db, { month, version, previousSha256: null }, episodeIds, judged);
      return (await syncAutomaticExclusions(tx, first))
        ? composeFor(db, { month, version, previousSha256: null }, episodeIds, judged)
        : first;
    };
    const latest = await lockLatest(tx, month);
    if (latest?.status === 'brouillon') {
      const document = await compose(latest.version);
      await setEpisodes(db, latest.id, episodeIds);
      const row = await db
        .updateTable('claim')
        .set({
          built_at: ctx.clock.now().toISOString(),
          built_by: ctx.login,
          episodes: episodeIds.length,
          total: document.total,
          early_reason: early ?? latest.early_reason,
        })
        .where('id', '=', latest.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toSummary(row);
    }
    if (latest) {
      const document = await compose(latest.version);
      const signed = JSON.parse(latest.content!) as { previousSha256: string | null };
      const unchanged =
        sameSet(episodeIds, await episodeIdsOf(db, latest.id)) &&
        sha256Of({ ...document, previousSha256: signed.previousSha256 }) === latest.sha256;
      if (unchanged) return toSummary(latest);
      return toSummary(await insertDraft(tx, month, latest, episodeIds, document.total, early));
    }
    const document = await compose(1);
    return toSummary(await insertDraft(tx, month, undefined, episodeIds, document.total, early));
  });
}
