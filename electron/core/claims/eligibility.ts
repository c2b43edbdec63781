import type { Kysely } from 'kysely';
import type { EligibilityOnDate } from '../../../shared/domain/claims';
import { checkEligibility } from '../../../shared/eligibility';
import type { Database } from '../db/schema/index';
import { toEligibilityRecord, toPersonView, type PersonRow } from '../registry/person-view';

/**
 * The patient's eligibility on the day of care, re-checked against the registry as it stands now
 * with the desk's own rules (a person struck off since the visit, a child over age, a holder no
 * longer covered are all flagged). Only the reasons matter to a claim: the desk's warnings
 * (registry freshness, near expiry) were for the day of the visit.
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

export const needsHolder = (person: PersonRow): boolean => person.quality === 'conjoint' || person.quality === 'enfant';

/** The titulaires of the dependants among these patients, in one query. */
export async function holdersOf(db: Kysely<Database>, persons: readonly PersonRow[]): Promise<Map<string, PersonRow>> {
  const recepisses = [...new Set(persons.filter(needsHolder).flatMap((p) => (p.holder_recepisse === null ? [] : [p.holder_recepisse])))];
  if (recepisses.length === 0) return new Map();
  const rows = await db.selectFrom('person').selectAll().where('recepisse', 'in', recepisses).execute();
  return new Map(rows.map((r) => [r.recepisse, r]));
}
