import type { Kysely, Selectable } from 'kysely';
import { frenchDate } from '../../../shared/lib/dates';
import type { EpisodePharmacy } from '../../../shared/domain/pharmacy';
import { isoToday } from '../clock';
import type { ServiceContext } from '../context';
import type { Database } from '../db/schema/index';
import type { EpisodeTable } from '../db/schema/episodes';
import { conflict, notFound } from '../errors';
import { episodeLines, episodeUnmet } from './lines';

/** Medicines may be given on an open episode, or on one closed today (the patient leaves with them). */
export const isDispensable = (e: Pick<Selectable<EpisodeTable>, 'status' | 'closed_at'>, today: string): boolean =>
  e.status === 'ouvert' || (e.closed_at !== null && e.closed_at.slice(0, 10) === today);

export function assertDispensable(e: Selectable<EpisodeTable>, today: string): void {
  if (!isDispensable(e, today)) {
    throw conflict(`L’épisode ${e.number} est clos depuis le ${frenchDate(e.closed_at ?? '')} : il est figé pour la réclamation.`);
  }
}

async function summaries(
  db: Kysely<Database>,
  rows: ReadonlyArray<Selectable<EpisodeTable>>,
  today: string,
): Promise<EpisodePharmacy['episode'][]> {
  if (rows.length === 0) return [];
  const persons = await db
    .selectFrom('person')
    .select(['id', 'family_name', 'given_names'])
    .where('id', 'in', rows.flatMap((r) => (r.person_id === null ? [] : [r.person_id])).concat(0))
    .execute();
  // An emergency admitted out of the registry, still waiting for its person, is named by its request.
  const requests = await db
    .selectFrom('registration_request')
    .select(['id', 'family_name', 'given_names'])
    .where(
      'id',
      'in',
      rows.flatMap((r) => (r.person_id === null && r.registration_request_id !== null ? [r.registration_request_id] : [])).concat(0),
    )
    .execute();
  const names = new Map(persons.map((p) => [p.id, `${p.family_name.toUpperCase()} ${p.given_names}`]));
  const requestNames = new Map(requests.map((p) => [Number(p.id), `${p.family_name.toUpperCase()} ${p.given_names}`]));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    recepisse: r.recepisse,
    patient: (r.person_id === null ? requestNames.get(Number(r.registration_request_id)) : names.get(r.person_id)) ?? '',
    status: r.status,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    dispensable: isDispensable(r, today),
  }));
}

/**
 * Episodes matching a typed or scanned reference: an episode number (EP-2026-000123, any case) or a
 * récépissé (all its episodes, newest first). The screen offers those still dispensable.
 */
export async function findEpisodes(
  { db, clock }: ServiceContext,
  { reference }: { reference: string },
): Promise<EpisodePharmacy['episode'][]> {
  const ref = reference.trim().toUpperCase();
  const query = db.selectFrom('episode').selectAll();
  const rows = /^EP-/.test(ref)
    ? await query.where('number', '=', ref).execute()
    : await query.where('recepisse', '=', ref.replace(/\s/g, '')).orderBy('opened_at', 'desc').limit(20).execute();
  return summaries(db, rows, isoToday(clock));
}

/** One episode as the dispensing screen shows it: its medicine lines and its unmet requests. */
export async function episodePharmacy({ db, clock }: ServiceContext, { episodeId }: { episodeId: number }): Promise<EpisodePharmacy> {
  const row = await db.selectFrom('episode').selectAll().where('id', '=', episodeId).executeTakeFirst();
  if (!row) throw notFound('Épisode introuvable.');
  const [episode] = await summaries(db, [row], isoToday(clock));
  return { episode: episode!, lines: await episodeLines(db, episodeId), unmet: await episodeUnmet(db, episodeId) };
}
