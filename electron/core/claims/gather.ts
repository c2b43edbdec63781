import { personName } from '../../../shared/domain/registry';
import type { Kysely, Selectable } from 'kysely';
import type { ClaimEpisodeInput, ClaimLine } from '../../../shared/domain/claims';
import { regularisationAsOf } from '../../../shared/rules/regularisation';
import type { Database } from '../db/schema/index';
import { PERSON_COLUMNS } from '../db/schema/columns';
import type { EpisodeTable } from '../db/schema/episodes';
import { fromTuples, jsonTuple } from '../db/json-rows';
import { sightingsOf } from '../reception/regularisation';
import type { PersonRow } from '../registry/person-view';
import { getSetting } from '../settings/settings';
import { holdersOf, onCareDays } from './eligibility';
import { byLineOrder, LINE_SOURCES } from './lines';

const CHUNK = 400;

/** What the claim reads of an episode, beside its patient's whole row. */
const EPISODE_FIELDS = [
  'number',
  'type',
  'emergency',
  'referral_from',
  'identity_document',
  'identity_matches',
  'identity_mismatch_reason',
  'identity_nina_check',
  'opened_at',
  'ended_on',
  'referral_ref',
  'opened_by',
  'diagnosis',
  'icd10',
  'outcome',
  'registration_request_id',
] as const satisfies ReadonlyArray<keyof EpisodeTable>;

type EpisodePatientRow = PersonRow &
  Pick<Selectable<EpisodeTable>, (typeof EPISODE_FIELDS)[number]> & { episode_id: number; admission_eligibility: string };

const EPISODE_PATIENT = {
  keys: [...PERSON_COLUMNS, 'episode_id', 'admission_eligibility', ...EPISODE_FIELDS],
  refs: [...PERSON_COLUMNS.map((c) => `person.${c}`), 'episode.id', 'episode.eligibility', ...EPISODE_FIELDS.map((c) => `episode.${c}`)],
};

export interface GatherJob {
  /**
   * YYYY-MM-DD: the day the claim is judged. An emergency out of the registry whose deadline has
   * not passed by then is pending, not failed; without it every deadline is taken as passed.
   */
  asOf?: string;
  signal?: AbortSignal;
  progress?(done: number, total: number | null, label: string): void;
}

/**
 * An emergency admission out of the registry, judged on every version the registry holds now:
 * regularised when one recorded by the deadline covers the day of care; pending while the
 * deadline has not passed on `asOf`.
 */
async function inTime(db: Kysely<Database>, person: PersonRow | null, careDay: string, asOf: string) {
  const days = await getSetting(db, 'reception.regularisationDays');
  const sightings = person ? await sightingsOf(db, person, careDay) : [];
  const status = regularisationAsOf({ careDay, days, sightings, asOf: '9999-12-31' });
  if (status.status === 'regularised') return { deadline: status.deadline, regularisedOn: status.on };
  return { deadline: status.deadline, regularisedOn: null, ...(asOf <= status.deadline ? { pending: true as const } : {}) };
}

/** The episodes with their patient, lines of every source and eligibility, in episode-number order. */
export async function gatherEpisodes(
  db: Kysely<Database>,
  episodeIds: readonly number[],
  job: GatherJob = {},
): Promise<ClaimEpisodeInput[]> {
  const out: ClaimEpisodeInput[] = [];
  for (let start = 0; start < episodeIds.length; start += CHUNK) {
    job.signal?.throwIfAborted();
    const ids = episodeIds.slice(start, start + CHUNK);
    const tuples = await db
      .selectFrom('episode')
      .innerJoin('person', 'person.id', 'episode.person_id')
      .select(jsonTuple(db, EPISODE_PATIENT.refs).as('t'))
      .where('episode.id', 'in', ids)
      .execute();
    const rows = fromTuples<EpisodePatientRow>(
      EPISODE_PATIENT.keys,
      tuples.map((r) => r.t),
    );
    const holders = await holdersOf(db, rows);
    const onDay = await onCareDays(db, rows, holders);
    const lines = (await Promise.all(LINE_SOURCES.map((source) => source(db, ids)))).flat();
    const byEpisode = new Map<number, ClaimLine[]>();
    for (const l of lines) byEpisode.set(l.episodeId, [...(byEpisode.get(l.episodeId) ?? []), l]);
    for (const r of rows) {
      const openedOn = r.opened_at.slice(0, 10);
      out.push({
        episodeId: r.episode_id,
        number: r.number,
        personId: r.id,
        recepisse: r.recepisse,
        patientName: personName(r.family_name, r.given_names),
        sex: r.sex,
        birthDate: r.birth_date,
        type: r.type,
        emergency: r.emergency === 1,
        referralFrom: r.referral_from,
        identityDocument: r.identity_document,
        identityMatches: r.identity_matches === null ? null : r.identity_matches === 1,
        identityMismatchReason: r.identity_mismatch_reason,
        ninaCheck: r.identity_nina_check,
        openedOn,
        endedOn: r.ended_on ?? openedOn,
        eligibility: onDay(r),
        unregistered: r.registration_request_id === null ? null : await inTime(db, r, openedOn, job.asOf ?? '9999-12-31'),
        lines: (byEpisode.get(r.episode_id) ?? []).sort(byLineOrder),
        clinical: {
          diagnosis: r.diagnosis,
          icd10: r.icd10,
          outcome: r.outcome,
          referralFrom: r.referral_from,
          referralRef: r.referral_ref,
          enterer: r.opened_by,
        },
      });
    }
    out.push(...(await withoutPerson(db, ids, byEpisode, job.asOf ?? '9999-12-31')));
    job.progress?.(Math.min(start + CHUNK, episodeIds.length), episodeIds.length, 'Épisodes de la réclamation');
  }
  return out.sort((a, b) => a.number.localeCompare(b.number));
}

/**
 * Emergencies admitted although the registry held no row for the récépissé, still waiting for
 * their person: the patient as the registration request names them, not eligible on the day
 * (NOT_FOUND), judged on regularisation only (a person the registry has brought since, not linked
 * yet, counts). `personId` is minus the request's id: a patient key no registry person has, so the
 * same-person rules still see two admissions of the same request.
 */
async function withoutPerson(
  db: Kysely<Database>,
  ids: readonly number[],
  lines: ReadonlyMap<number, ClaimLine[]>,
  asOf: string,
): Promise<ClaimEpisodeInput[]> {
  const rows = await db
    .selectFrom('episode')
    .innerJoin('registration_request as rr', 'rr.id', 'episode.registration_request_id')
    .selectAll('episode')
    .select(['rr.family_name', 'rr.given_names', 'rr.sex', 'rr.birth_date'])
    .where('episode.id', 'in', ids)
    .where('episode.person_id', 'is', null)
    .execute();
  const out: ClaimEpisodeInput[] = [];
  for (const r of rows) {
    const openedOn = r.opened_at.slice(0, 10);
    const arrived = (await db.selectFrom('person').selectAll().where('recepisse', '=', r.recepisse).executeTakeFirst()) ?? null;
    out.push({
      episodeId: r.id,
      number: r.number,
      personId: -Number(r.registration_request_id),
      recepisse: r.recepisse,
      patientName: personName(r.family_name, r.given_names),
      sex: r.sex,
      birthDate: r.birth_date,
      type: r.type,
      emergency: r.emergency === 1,
      referralFrom: r.referral_from,
      identityDocument: r.identity_document,
      identityMatches: r.identity_matches === null ? null : r.identity_matches === 1,
      identityMismatchReason: r.identity_mismatch_reason,
      ninaCheck: r.identity_nina_check,
      openedOn,
      endedOn: r.ended_on ?? openedOn,
      eligibility: { eligible: false, reasons: ['NOT_FOUND'] },
      unregistered: await inTime(db, arrived, openedOn, asOf),
      lines: [...(lines.get(r.id) ?? [])].sort(byLineOrder),
      clinical: {
        diagnosis: r.diagnosis,
        icd10: r.icd10,
        outcome: r.outcome,
        referralFrom: r.referral_from,
        referralRef: r.referral_ref,
        enterer: r.opened_by,
      },
    });
  }
  return out;
}
