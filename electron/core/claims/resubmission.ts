import type { Kysely, Selectable } from 'kysely';
import { canonicalJson } from '../../../shared/lib/canonical-json';
import { blockingCount, flagViews } from '../../../shared/rules/claim-document';
import type { ResubmissionEpisode, ResubmissionPreview } from '../../../shared/domain/claim-responses';
import type { ClaimDocument, ClaimSummary } from '../../../shared/domain/claims';
import { frenchMonth, ofMonth } from '../../../shared/lib/months';
import { isUniqueViolation } from '../db/dialect';
import type { Database } from '../db/schema/index';
import type { ClaimTable } from '../db/schema/claims';
import { conflict, notFound, refused } from '../errors';
import { enqueueSignedClaim } from '../outbox/enqueue';
import { currentDecisions } from '../responses/decisions';
import { activeExclusions, checkSeverities, composeFor, sha256Of } from './compose';
import { billedLines } from './export/fhir';
import { gatherEpisodes } from './gather';
import { latestOf, lockLatest, setEpisodes, toSummary } from './store';
import type { ServiceContext } from '../context';

/**
 * A resubmission claims again, corrected, what the ANAM rejected in a signed version: for each
 * episode with a rejected line (not yet resubmitted from that version), the lines billed now that
 * no signed version of the month has claimed yet (the corrections keyed since: a cancelled line
 * and its replacement, whatever their source). It is a new version pointing at the original,
 * signed and queued like any claim; the original is never touched.
 */

const parse = (row: Selectable<ClaimTable>) => JSON.parse(row.content!) as ClaimDocument;

async function sourceOf(db: Kysely<Database>, month: string, version: number): Promise<Selectable<ClaimTable>> {
  const row = await latestOf(db, month, version);
  if (!row) throw notFound(`Aucune réclamation pour ${frenchMonth(month)} en version ${version}.`);
  if (row.content === null) throw refused('Seule une version signée et envoyée peut être resoumise.');
  return row;
}

/** Keys of the lines each episode had billed in any signed version of the month. */
async function billedBefore(db: Kysely<Database>, month: string): Promise<Map<string, Set<string>>> {
  const rows = await db.selectFrom('claim').selectAll().where('month', '=', month).where('content', 'is not', null).execute();
  const out = new Map<string, Set<string>>();
  for (const row of rows) {
    for (const e of parse(row).episodes.filter((x) => !x.excluded)) {
      const keys = out.get(e.number) ?? new Set<string>();
      for (const l of billedLines(e)) keys.add(l.key);
      out.set(e.number, keys);
    }
  }
  return out;
}

async function plan(db: Kysely<Database>, source: Selectable<ClaimTable>): Promise<Omit<ResubmissionPreview, 'source'>> {
  const rejected = (await currentDecisions(db, source.id)).filter((d) => d.status === 'rejetee');
  if (rejected.length === 0) throw refused(`La version ${source.version} ${ofMonth(source.month)} n’a aucune ligne rejetée par l’ANAM.`);
  const doc = parse(source);
  const byNumber = new Map(doc.episodes.map((e) => [e.number, e]));
  const resubmittedRows = await db.selectFrom('claim').selectAll().where('resubmits_id', '=', source.id).execute();
  const alreadyResubmitted = new Set(resubmittedRows.flatMap((r) => parse(r).episodes.map((e) => e.number)));
  const numbers = [...new Set(rejected.map((d) => d.episode_number))].filter((n) => !alreadyResubmitted.has(n)).sort();
  if (numbers.length === 0) throw refused('Chaque épisode rejeté de cette version a déjà sa resoumission.');

  const episodes = numbers.map((n) => byNumber.get(n)!);
  const ids = episodes.map((e) => e.episodeId);
  const rows = await db.selectFrom('episode').select(['id', 'status']).where('id', 'in', ids).execute();
  const before = await billedBefore(db, source.month);
  const exclusions = await activeExclusions(db, ids);
  const open = new Set(rows.filter((r) => r.status !== 'clos').map((r) => r.id));
  const excludedEpisodes = new Set(exclusions.filter((x) => x.lineKey === null).map((x) => x.episodeId));
  const excludedLines = new Set(exclusions.filter((x) => x.lineKey !== null).map((x) => x.lineKey!));
  const gathered = await gatherEpisodes(
    db,
    ids.filter((id) => !open.has(id) && !excludedEpisodes.has(id)),
  );
  const corrections = new Map(
    gathered.map((e) => [
      e.episodeId,
      new Set(
        e.lines.filter((l) => l.payer === 'ramed' && !excludedLines.has(l.key) && !before.get(e.number)?.has(l.key)).map((l) => l.key),
      ),
    ]),
  );
  const version =
    Number(
      (
        await db
          .selectFrom('claim')
          .select((eb) => eb.fn.max('version').as('v'))
          .where('month', '=', source.month)
          .executeTakeFirstOrThrow()
      ).v,
    ) + 1;

  const keys = new Set([...corrections.values()].flatMap((s) => [...s]));
  const compose = (episodeIds: number[]) =>
    composeFor(
      db,
      { month: source.month, version, previousSha256: null, resubmits: { version: source.version, sha256: source.sha256! } },
      episodeIds,
      {},
      (l) => keys.has(l.key),
    );
  const severities = await checkSeverities(db);
  let corrected = ids.filter((id) => (corrections.get(id)?.size ?? 0) > 0);
  let blocked = new Set<number>();
  if (corrected.length > 0) {
    const flags = flagViews(await compose(corrected), severities);
    blocked = new Set(flags.filter((f) => f.severity === 'bloquant' && !f.resolved).map((f) => f.episodeId));
    corrected = corrected.filter((id) => !blocked.has(id));
  }
  let draft: ResubmissionPreview['draft'] = null;
  if (corrected.length > 0) {
    const document = await compose(corrected);
    const flags = flagViews(document, severities);
    draft = { document, sha256: sha256Of(document), flags, blocking: blockingCount(flags) };
  }

  const summaries: ResubmissionEpisode[] = episodes.map((e) => ({
    episodeId: e.episodeId,
    number: e.number,
    patientName: e.patientName,
    rejected: rejected
      .filter((d) => d.episode_number === e.number)
      .map((d) => {
        const line = e.lines.find((l) => l.key === d.line_key);
        return {
          label: line?.label ?? d.line_key,
          code: line?.code ?? '',
          claimed: d.claimed,
          reasonCode: d.reason_code,
          reasonText: d.reason_text,
        };
      }),
    corrected: corrections.get(e.episodeId)?.size ?? 0,
    state: open.has(e.episodeId)
      ? 'ouvert'
      : excludedEpisodes.has(e.episodeId)
        ? 'exclu'
        : blocked.has(e.episodeId)
          ? 'bloque'
          : (corrections.get(e.episodeId)?.size ?? 0) > 0
            ? 'corrige'
            : 'a_corriger',
  }));
  return { version, episodes: summaries, draft };
}

/** What a resubmission of this version would hold now, to read before signing it. */
export async function previewResubmission(
  { db }: ServiceContext,
  { month, version }: { month: string; version: number },
): Promise<ResubmissionPreview> {
  const source = await sourceOf(db, month, version);
  return { source: toSummary(source), ...(await plan(db, source)) };
}

/**
 * Signs the resubmission the manager read (`sha256` is the hash the preview showed) and queues it.
 * Resubmissions of a month take turns on the month's claim row, so two managers cannot take the
 * same version number or resubmit the same episode twice.
 */
export async function resubmit(ctx: ServiceContext, input: { month: string; version: number; sha256: string }): Promise<ClaimSummary> {
  await lockLatest(ctx, input.month);
  const source = await sourceOf(ctx.db, input.month, input.version);
  const planned = await plan(ctx.db, source);
  if (!planned.draft) {
    throw refused(
      'Aucune ligne corrigée à resoumettre : corrigez d’abord les épisodes rejetés (rouvrir, annuler la ligne, saisir la bonne, clore).',
    );
  }
  if (planned.draft.sha256 !== input.sha256) {
    throw conflict('La resoumission a changé depuis son affichage : relisez-la, puis signez à nouveau.');
  }
  const { document, sha256 } = planned.draft;
  const now = ctx.clock.now().toISOString();
  const row = await ctx.db
    .insertInto('claim')
    .values({
      month: input.month,
      version: planned.version,
      previous_id: null,
      resubmits_id: source.id,
      status: 'signee',
      built_at: now,
      built_by: ctx.login,
      episodes: document.episodes.length,
      total: document.total,
      signed_at: now,
      signed_by: ctx.login,
      content: canonicalJson(document),
      sha256,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
      throw conflict(`Un autre poste vient de signer une resoumission de ${input.month} au même moment. Rouvrez le mois pour la voir.`);
    });
  await setEpisodes(
    ctx.db,
    row.id,
    document.episodes.map((e) => e.episodeId),
  );
  await enqueueSignedClaim(ctx.db, row, now);
  return toSummary(row);
}
