import type { Kysely } from 'kysely';
import type { EligibilityOnDate } from '../../../shared/domain/claims';
import type { EligibilitySnapshot } from '../../../shared/domain/episodes';
import { checkEligibility, needsHolder } from '../../../shared/rules/eligibility';
import type { Database } from '../db/schema/index';
import { PERSON_COLUMNS } from '../db/schema/columns';
import { fromTuples, jsonTuple } from '../db/json-rows';
import { personsAsOf } from '../registry/as-of';
import { toEligibilityRecord, toPersonView, type PersonRow } from '../registry/person-view';

/**
 * The patient's eligibility on the day of care, re-checked with the desk's own rules against the
 * versions given (the registry as it stood that day: a child over age, a holder not covered are
 * flagged). Only the reasons matter to a claim: the desk's warnings (registry freshness, near
 * expiry) were for the day of the visit.
 */
export function eligibilityOnDate(person: PersonRow, holder: PersonRow | null, date: string): EligibilityOnDate {
  const { eligible, reasons } = checkEligibility({
    person: toEligibilityRecord(toPersonView(person)),
    holder: holder && toEligibilityRecord(toPersonView(holder)),
    date,
    settings: { nearExpiryDays: 0, freshnessDays: Number.MAX_SAFE_INTEGER },
    registryDate: date,
  });
  return { eligible, reasons };
}

/** The titulaires of the dependants among these patients, in one query. */
export async function holdersOf(db: Kysely<Database>, persons: readonly PersonRow[]): Promise<Map<string, PersonRow>> {
  const recepisses = [...new Set(persons.filter(needsHolder).flatMap((p) => (p.holder_recepisse === null ? [] : [p.holder_recepisse])))];
  if (recepisses.length === 0) return new Map();
  const tuples = await db.selectFrom('person').select(jsonTuple(db, PERSON_COLUMNS).as('t')).where('recepisse', 'in', recepisses).execute();
  const rows = fromTuples<PersonRow>(
    PERSON_COLUMNS,
    tuples.map((r) => r.t),
  );
  return new Map(rows.map((r) => [r.recepisse, r]));
}

/** An episode's patient as gathered for the claim: the person's current row and the admission. */
type EpisodePatient = PersonRow & { opened_at: string; admission_eligibility: string };

/**
 * For each episode, the patient's eligibility on the day of care from the registry as it stood
 * that day (patient and titulaire), beside what the desk recorded at admission and whether their
 * registry data was written after it.
 */
export async function onCareDays(
  db: Kysely<Database>,
  rows: readonly EpisodePatient[],
  holders: ReadonlyMap<string, PersonRow>,
): Promise<(row: EpisodePatient) => EligibilityOnDate> {
  const careDay = (r: EpisodePatient) => r.opened_at.slice(0, 10);
  const patients = await personsAsOf(db, rows, (p) => careDay(p as EpisodePatient));
  // One holder row per episode (the same titulaire may be needed on several care days).
  const holderNow = rows.map((r) => (needsHolder(r) ? (holders.get(r.holder_recepisse ?? '') ?? null) : null));
  const holderRows = holderNow.map((h, i) => (h ? { ...h, care_day: careDay(rows[i]!) } : null));
  const present = holderRows.filter((h) => h !== null);
  const presentAsOf = await personsAsOf(db, present, (h) => (h as (typeof present)[number]).care_day);
  const holderAsOf = new Map(present.map((h, i) => [h, presentAsOf[i]!]));
  const byRow = new Map<EpisodePatient, EligibilityOnDate>();
  rows.forEach((r, i) => {
    const patient = patients[i]!;
    const holderRow = holderRows[i];
    const holder = holderRow && needsHolder(patient) ? holderAsOf.get(holderRow)! : null;
    const snapshot = JSON.parse(r.admission_eligibility) as EligibilitySnapshot;
    const titulaire = holderNow[i];
    const changedSince =
      r.updated_at > r.opened_at || (titulaire !== null && titulaire !== undefined && titulaire.updated_at > r.opened_at);
    byRow.set(r, {
      ...eligibilityOnDate(patient, holder, careDay(r)),
      admission: { eligible: snapshot.eligible, registryChangedSince: changedSince },
    });
  });
  return (row) => byRow.get(row)!;
}
