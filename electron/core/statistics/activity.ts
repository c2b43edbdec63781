import { sql, type Kysely } from 'kysely';
import type { EpisodeType } from '../../../shared/domain/episodes';
import type { PatientCounts } from '../../../shared/domain/statistics';
import type { Database } from '../db/schema/index';
import { monthOf, type DayRange } from './range';

/** Each patient's first episode ever at this facility. */
const firstVisits = (db: Kysely<Database>) =>
  db
    .selectFrom('episode')
    .select(['person_id', (eb) => eb.fn.min('opened_at').as('first_at')])
    .groupBy('person_id')
    .as('f');

/**
 * Distinct patients with an episode opened in the range, and those of them new to the facility: their
 * first episode ever was opened in the range.
 */
export async function patientsSeen(db: Kysely<Database>, range: DayRange): Promise<PatientCounts> {
  const row = await db
    .selectFrom('episode as e')
    .innerJoin(firstVisits(db), 'f.person_id', 'e.person_id')
    .select([
      sql<number>`count(distinct e.person_id)`.as('seen'),
      sql<number>`count(distinct case when f.first_at >= ${range.first} then e.person_id end)`.as('new'),
    ])
    .where('e.opened_at', '>=', range.first)
    .where('e.opened_at', '<', range.end)
    .executeTakeFirstOrThrow();
  return { seen: Number(row.seen), new: Number(row.new) };
}

/** The same month by month: a patient is new in the month of their first episode ever. */
export async function patientsByMonth(db: Kysely<Database>, range: DayRange): Promise<Map<string, PatientCounts>> {
  const rows = await db
    .selectFrom('episode as e')
    .innerJoin(firstVisits(db), 'f.person_id', 'e.person_id')
    .select([
      monthOf('e.opened_at').as('month'),
      sql<number>`count(distinct e.person_id)`.as('seen'),
      sql<number>`count(distinct case when substr(f.first_at, 1, 7) = substr(e.opened_at, 1, 7) then e.person_id end)`.as('new'),
    ])
    .where('e.opened_at', '>=', range.first)
    .where('e.opened_at', '<', range.end)
    .groupBy(monthOf('e.opened_at'))
    .execute();
  return new Map(rows.map((r) => [r.month, { seen: Number(r.seen), new: Number(r.new) }]));
}

/** Episodes opened in the range by type, with the emergencies among them. */
export async function episodesByType(
  db: Kysely<Database>,
  range: DayRange,
): Promise<Array<{ type: EpisodeType; episodes: number; emergencies: number }>> {
  const rows = await db
    .selectFrom('episode')
    .select(['type', sql<number>`count(*)`.as('episodes'), sql<number>`sum(emergency)`.as('emergencies')])
    .where('opened_at', '>=', range.first)
    .where('opened_at', '<', range.end)
    .groupBy('type')
    .execute();
  return rows.map((r) => ({ type: r.type, episodes: Number(r.episodes), emergencies: Number(r.emergencies) }));
}

export async function episodesByMonth(db: Kysely<Database>, range: DayRange): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('episode')
    .select([monthOf('opened_at').as('month'), sql<number>`count(*)`.as('episodes')])
    .where('opened_at', '>=', range.first)
    .where('opened_at', '<', range.end)
    .groupBy(monthOf('opened_at'))
    .execute();
  return new Map(rows.map((r) => [r.month, Number(r.episodes)]));
}
