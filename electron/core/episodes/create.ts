import type { Kysely } from 'kysely';
import { episodeOpenInput, type EpisodeOpenInput } from '../../../shared/domain/episodes';
import { searchKey } from '../../../shared/lib/text';
import { describeZodError } from '../../../shared/contract/validation';
import type { ServiceContext } from '../context';
import type { Database } from '../db/schema/index';
import { DomainError, notFound } from '../errors';
import { inTransaction } from './writer';

/**
 * The next number of the year, EP-2026-000123. The counter row is incremented by an upsert, which
 * PostgreSQL serialises on the row: two desks admitting at the same instant get two numbers.
 */
export async function nextEpisodeNumber(db: Kysely<Database>, year: number): Promise<string> {
  const row = await db
    .insertInto('episode_counter')
    .values({ year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ last: eb('episode_counter.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `EP-${year}-${String(row.last).padStart(6, '0')}`;
}

/** An emergency admitted although the registry holds no row for the récépissé: the patient as the registration request names them. */
export interface PatientWithoutPerson {
  recepisse: string;
  familyName: string;
  givenNames: string;
}

/**
 * Opens an episode for a registered person, or (`withoutPerson`, the caller's emergency admission
 * out of the registry) for a récépissé the registry does not hold yet: the episode then has no
 * person until a registry import brings it. The reception desk calls it after its own checks
 * (eligibility, identity, referral rule) and passes what it decided, which the episode keeps.
 * Opened by `ctx.login`, at `ctx.clock`'s instant, in `ctx.db`'s transaction (or one of its own).
 */
export async function createEpisode(
  ctx: ServiceContext,
  raw: EpisodeOpenInput,
  withoutPerson?: PatientWithoutPerson,
): Promise<{ id: number; number: string }> {
  const { db, clock, login: openedBy } = ctx;
  const parsed = episodeOpenInput.safeParse(raw);
  if (!parsed.success) {
    const { message, fields } = describeZodError(parsed.error);
    throw new DomainError('INVALID_INPUT', message, fields);
  }
  const input = parsed.data;
  return inTransaction(db, async (trx) => {
    const person = withoutPerson
      ? { id: null, recepisse: withoutPerson.recepisse, family_name: withoutPerson.familyName, given_names: withoutPerson.givenNames }
      : await trx
          .selectFrom('person')
          .select(['id', 'recepisse', 'family_name', 'given_names'])
          .where('id', '=', input.personId ?? 0)
          .executeTakeFirst();
    if (!person) throw notFound('Personne introuvable dans le registre.');
    const now = clock.now().toISOString();
    const number = await nextEpisodeNumber(trx, Number(now.slice(0, 4)));
    const episode = await trx
      .insertInto('episode')
      .values({
        number,
        person_id: person.id,
        recepisse: person.recepisse,
        patient_search: searchKey(`${person.family_name} ${person.given_names}`),
        type: input.type,
        emergency: input.emergency ? 1 : 0,
        referral_from: input.referralFrom,
        referral_ref: input.referralRef,
        identity_document: input.identityDocument,
        identity_number: input.identityNumber,
        identity_matches: input.identityMatches === null ? null : input.identityMatches ? 1 : 0,
        identity_mismatch_reason: input.identityMismatchReason,
        identity_nina_check: input.ninaCheck,
        eligibility: JSON.stringify(input.eligibility),
        status: 'ouvert',
        opened_at: now,
        opened_by: openedBy,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('episode_event')
      .values({ episode_id: episode.id, kind: 'ouverture', at: now, by_login: openedBy, reason: null, detail: null })
      .execute();
    return { id: episode.id, number };
  });
}
