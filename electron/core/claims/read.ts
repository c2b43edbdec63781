import { personName } from '../../../shared/domain/registry';
import { sql, type Kysely } from 'kysely';
import { blockingCount, flagViews } from '../../../shared/rules/claim-document';
import { claimPeriod, signRefusal } from '../../../shared/rules/claim-period';
import type { ClaimView, MissingEpisode } from '../../../shared/domain/claims';
import { frenchMonth, monthBounds } from '../../../shared/lib/months';
import { isoToday } from '../clock';
import type { ServiceContext } from '../context';
import type { Database } from '../db/schema/index';
import { notFound } from '../errors';
import { activeExclusions, checkSeverities, documentOf, episodeIdsOf, sha256Of } from './compose';
import { latestOf, toSummary } from './store';

/** Episodes opened by the end of the month and still open: the claim waits for them. */
export async function missingEpisodes(db: Kysely<Database>, month: string): Promise<MissingEpisode[]> {
  const { last } = monthBounds(month);
  const rows = await db
    .selectFrom('episode')
    .leftJoin('person', 'person.id', 'episode.person_id')
    .leftJoin('registration_request as rr', 'rr.id', 'episode.registration_request_id')
    .select([
      'episode.id',
      'episode.number',
      'episode.recepisse',
      'episode.opened_at',
      sql<string>`coalesce(person.family_name, rr.family_name)`.as('family_name'),
      sql<string>`coalesce(person.given_names, rr.given_names)`.as('given_names'),
    ])
    .where('episode.status', '=', 'ouvert')
    .where('episode.opened_at', '<', `${last}T99`)
    .orderBy('episode.number')
    .execute();
  return rows.map((r) => ({
    episodeId: r.id,
    number: r.number,
    recepisse: r.recepisse,
    patientName: personName(r.family_name, r.given_names),
    openedAt: r.opened_at,
  }));
}

/**
 * A version of the month's claim (the newest by default) with its flags, exclusions, missing
 * episodes and what stands in the way of signing it today (the month-end checklist).
 */
export async function getClaim(
  ctx: ServiceContext,
  { month, version }: { month: string; version?: number | undefined },
): Promise<ClaimView> {
  const { db } = ctx;
  const today = isoToday(ctx.clock);
  const row = await latestOf(db, month, version);
  if (!row) throw notFound(`Aucune réclamation pour ${frenchMonth(month)}${version ? ` en version ${version}` : ''}.`);
  const document = await documentOf(db, row, { asOf: today });
  const flags = flagViews(document, await checkSeverities(db));
  const ordered = [...flags].sort(
    (a, b) => Number(a.resolved) - Number(b.resolved) || (a.severity === b.severity ? 0 : a.severity === 'bloquant' ? -1 : 1),
  );
  const blocking = blockingCount(flags);
  const missing = await missingEpisodes(db, month);
  return {
    summary: { ...toSummary(row), episodes: document.episodes.length, total: document.total },
    document,
    sha256: row.sha256 ?? sha256Of(document),
    flags: ordered,
    blocking,
    exclusions: await activeExclusions(db, await episodeIdsOf(db, row.id)),
    missing,
    checklist: {
      period: claimPeriod(month, today),
      periodRefusal:
        row.status === 'brouillon'
          ? signRefusal(month, today, { earlyReason: row.early_reason, episodes: document.episodes.length })
          : null,
      openEpisodes: missing.length,
      lateClosures: document.episodes.filter((e) => e.lateClosure).length,
      unresolvedChecks: flags.filter((f) => !f.resolved).length,
      blocking,
    },
  };
}
