import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { canonicalJson } from '../../../shared/lib/canonical-json';
import { checkClaim } from '../../../shared/rules/claim-checks';
import { checkEssential } from '../../../shared/rules/claim-essential';
import { checkPlausibility, lookbackDays } from '../../../shared/rules/claim-plausibility';
import { addDays } from '../../../shared/lib/dates';
import { monthBounds } from '../../../shared/lib/months';
import { composeClaim } from '../../../shared/rules/claim-document';
import { CLAIM_CHECKS, type CheckSeverities, type ClaimDocument, type ClaimExclusion, type ClaimLine } from '../../../shared/domain/claims';
import type { Database } from '../db/schema/index';
import type { ClaimTable } from '../db/schema/claims';
import { DomainError } from '../errors';
import { getFacility } from '../facility/facility';
import { getAllSettings } from '../settings/settings';
import { gatherEpisodes, type GatherJob } from './gather';
import { toTariffEntry } from '../reference/tariffs';
import { listPlausibilityRules } from '../reference/plausibility-file';
import { earlierLines } from './earlier-lines';
import { toMedicineEntry } from '../db/mappers/medicine';

/** The SHA-256 of a claim's stored content (its canonical JSON). */
export const sha256OfContent = (content: string): string => createHash('sha256').update(content, 'utf8').digest('hex');
export const sha256Of = (document: ClaimDocument): string => sha256OfContent(canonicalJson(document));

export async function checkSeverities(db: Kysely<Database>): Promise<CheckSeverities> {
  const settings = await getAllSettings(db);
  return Object.fromEntries(CLAIM_CHECKS.map((code) => [code, settings[`claims.check.${code}`]])) as CheckSeverities;
}

/** Exclusions in force on these episodes: those no later row cancels. */
export async function activeExclusions(db: Kysely<Database>, episodeIds: readonly number[]): Promise<ClaimExclusion[]> {
  if (episodeIds.length === 0) return [];
  const rows = await db.selectFrom('claim_exclusion').selectAll().orderBy('id').execute();
  const wanted = new Set(episodeIds);
  const cancelled = new Set(rows.filter((r) => r.cancels_id !== null).map((r) => r.cancels_id));
  return rows
    .filter((r) => r.cancels_id === null && !cancelled.has(r.id) && wanted.has(r.episode_id))
    .map((r) => ({
      id: r.id,
      episodeId: r.episode_id,
      lineKey: r.line_key,
      reason: r.reason,
      at: r.at,
      by: r.by_login,
      ...(r.automatic === 1 ? { automatic: true as const } : {}),
    }));
}

/**
 * The claim's content as it would be signed now, from its episodes, the registry and the lists.
 * `keep` (a resubmission) leaves out the lines it refuses, after the checks have seen them all.
 */
export async function composeFor(
  db: Kysely<Database>,
  claim: { month: string; version: number; previousSha256: string | null; resubmits?: { version: number; sha256: string } },
  episodeIds: readonly number[],
  job: GatherJob = {},
  keep?: (line: ClaimLine) => boolean,
): Promise<ClaimDocument> {
  const facility = await getFacility(db);
  if (!facility) throw new DomainError('CONFLICT', 'L’établissement n’est pas configuré : voyez l’administrateur.');
  const episodes = await gatherEpisodes(db, episodeIds, job);
  const [tariffRows, medicineRows, settings, exclusions, rules] = await Promise.all([
    db.selectFrom('tariff').selectAll().execute(),
    db.selectFrom('medicine').selectAll().execute(),
    getAllSettings(db),
    activeExclusions(db, episodeIds),
    listPlausibilityRules(db),
  ]);
  const medicines = medicineRows.map(toMedicineEntry);
  const { first } = monthBounds(claim.month);
  const earlier = await earlierLines(db, {
    personIds: episodes.map((e) => e.personId),
    episodeIds,
    codes: [...new Set(rules.filter((r) => r.minDaysBetween !== null || r.periodDays !== null).map((r) => r.code))],
    from: episodes.reduce((min, e) => (e.openedOn < min ? e.openedOn : min), first),
    // The month's own acts are in the claim: the history is what came before it.
    to: addDays(first, -1),
    lookback: lookbackDays(rules),
  });
  const flags = [
    ...checkClaim(episodes, {
      level: facility.level,
      tariffs: tariffRows.map(toTariffEntry),
      medicines,
      medicineMaxQuantity: settings['claims.medicineMaxQuantity'],
    }),
    ...checkPlausibility(episodes, rules, earlier),
    ...checkEssential(episodes, medicines),
  ];
  const kept = keep ? episodes.map((e) => ({ ...e, lines: e.lines.filter(keep) })) : episodes;
  const keptKeys = new Set(kept.flatMap((e) => e.lines.map((l) => l.key)));
  return composeClaim({
    ...claim,
    facility: { code: facility.code, name: facility.name, level: facility.level },
    episodes: kept,
    flags: keep ? flags.filter((f) => f.lineKey === null || keptKeys.has(f.lineKey)) : flags,
    exclusions,
  });
}

export async function episodeIdsOf(db: Kysely<Database>, claimId: number): Promise<number[]> {
  const rows = await db.selectFrom('claim_episode').select('episode_id').where('claim_id', '=', claimId).orderBy('episode_id').execute();
  return rows.map((r) => r.episode_id);
}

export async function previousSha(db: Kysely<Database>, claim: Selectable<ClaimTable>): Promise<string | null> {
  if (claim.previous_id === null) return null;
  const previous = await db.selectFrom('claim').select('sha256').where('id', '=', claim.previous_id).executeTakeFirst();
  return previous?.sha256 ?? null;
}

/** A version's content: frozen once signed, composed from its episodes while a draft. */
export async function documentOf(db: Kysely<Database>, claim: Selectable<ClaimTable>, job: GatherJob = {}): Promise<ClaimDocument> {
  if (claim.content !== null) return JSON.parse(claim.content) as ClaimDocument;
  return composeFor(
    db,
    { month: claim.month, version: claim.version, previousSha256: await previousSha(db, claim) },
    await episodeIdsOf(db, claim.id),
    job,
  );
}
