import type { Kysely } from 'kysely';
import { regularisationAsOf, type RegistrySighting, type Regularisation } from '../../../shared/rules/regularisation';
import { needsHolder } from '../../../shared/rules/eligibility';
import { eligibilityOnDate } from '../claims/eligibility';
import type { Database } from '../db/schema/index';
import type { PersonRow } from '../registry/person-view';
import { getSetting } from '../settings/settings';

/** The episode as the rule needs it. */
export interface UnregisteredEpisode {
  /** Null while no registry row was linked: the person, if the registry has brought them since, is found by `recepisse`. */
  personId: number | null;
  recepisse: string;
  /** YYYY-MM-DD: the day of care (the admission's day). */
  careDay: string;
}

/**
 * Every version of the person the local registry has held, with the day it was written: the
 * oldest when the person was created, each later one when it replaced the previous (its history
 * row's replaced_at), and what each says of the day of care.
 */
export async function sightingsOf(db: Kysely<Database>, person: PersonRow, careDay: string): Promise<RegistrySighting[]> {
  const history = await db
    .selectFrom('person_history')
    .select(['id', 'replaced_at', 'previous', 'effective_from'])
    .where('person_id', '=', person.id)
    .orderBy('id')
    .execute();
  const holder =
    needsHolder(person) && person.holder_recepisse
      ? ((await db.selectFrom('person').selectAll().where('recepisse', '=', person.holder_recepisse).executeTakeFirst()) ?? null)
      : null;
  const versions: Array<{ row: PersonRow; recordedAt: string }> = history.map((h, i) => ({
    row: { ...person, ...(JSON.parse(h.previous) as Partial<PersonRow>), effective_from: h.effective_from },
    recordedAt: i === 0 ? person.created_at : history[i - 1]!.replaced_at,
  }));
  versions.push({ row: person, recordedAt: history.at(-1)?.replaced_at ?? person.created_at });
  return versions.map(({ row, recordedAt }) => ({
    recordedOn: recordedAt.slice(0, 10),
    eligibleOnCareDay: eligibilityOnDate(row, holder, careDay).eligible,
  }));
}

/** Where an emergency admission out of the registry stands on `asOf`, under the facility's setting. */
export async function regularisationOf(db: Kysely<Database>, episode: UnregisteredEpisode, asOf: string): Promise<Regularisation> {
  const days = await getSetting(db, 'reception.regularisationDays');
  const person = await (
    episode.personId === null
      ? db.selectFrom('person').selectAll().where('recepisse', '=', episode.recepisse)
      : db.selectFrom('person').selectAll().where('id', '=', episode.personId)
  ).executeTakeFirst();
  const sightings = person ? await sightingsOf(db, person, episode.careDay) : [];
  return regularisationAsOf({ careDay: episode.careDay, days, sightings, asOf });
}
