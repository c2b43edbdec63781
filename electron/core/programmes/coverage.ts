import type { Kysely, Selectable } from 'kysely';
import { isPregnant, programmeFor, type CareFacts, type Programme } from '../../../shared/rules/programmes';
import type { Database } from '../db/schema/index';
import type { EpisodeTable } from '../db/schema/episodes';
import { listProgrammes } from '../reference/programme-file';

/** The programmes list and the patient's facts for pricing a line of this episode (the day is the line's). */
export async function coverageOf(
  db: Kysely<Database>,
  episode: Pick<Selectable<EpisodeTable>, 'person_id' | 'registration_request_id' | 'type' | 'icd10'>,
): Promise<{ programmes: Programme[]; facts: Omit<CareFacts, 'date'> }> {
  // An emergency admitted out of the registry, still waiting for its person: the request's sex and birth.
  const person = await (
    episode.person_id === null
      ? db
          .selectFrom('registration_request')
          .select(['sex', 'birth_date'])
          .where('id', '=', episode.registration_request_id ?? 0)
      : db.selectFrom('person').select(['sex', 'birth_date']).where('id', '=', episode.person_id)
  ).executeTakeFirstOrThrow();
  return {
    programmes: await listProgrammes(db),
    facts: { birthDate: person.birth_date, sex: person.sex, pregnant: isPregnant(episode, person.sex), icd10: episode.icd10 },
  };
}

/** The programme that pays a medicine given on `date` on this episode, or null for the RAMED. */
export async function medicineProgramme(
  db: Kysely<Database>,
  episode: Pick<Selectable<EpisodeTable>, 'person_id' | 'registration_request_id' | 'type' | 'icd10'>,
  code: string,
  date: string,
): Promise<string | null> {
  const { programmes, facts } = await coverageOf(db, episode);
  return programmeFor(programmes, { kind: 'medicament', code }, { ...facts, date })?.code ?? null;
}
