import type { EligibilityOnDate } from '../../../shared/domain/claims';
import { checkEligibility } from '../../../shared/eligibility';
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
