import type { Kysely } from 'kysely';
import type { SeenPatient } from '../../../shared/rules/dhis2/patient-groups';
import type { Database } from '../db/schema/index';
import type { DayRange } from './range';

/**
 * The patients `patientsSeen` counts (a RAMED patient with an episode opened in the range), one row
 * each, with what they are split by: sex, birth date and quality, and the day of their first
 * episode in the range (their age is taken that day).
 */
export async function seenPatients(db: Kysely<Database>, range: DayRange): Promise<SeenPatient[]> {
  const rows = await db
    .selectFrom('episode as e')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .select(['p.id', 'p.sex', 'p.birth_date', 'p.quality', (eb) => eb.fn.min('e.opened_at').as('first_at')])
    .where('e.opened_at', '>=', range.first)
    .where('e.opened_at', '<', range.end)
    .groupBy(['p.id', 'p.sex', 'p.birth_date', 'p.quality'])
    .execute();
  return rows.map((r) => ({ sex: r.sex, birthDate: r.birth_date, quality: r.quality, firstDay: String(r.first_at).slice(0, 10) }));
}
