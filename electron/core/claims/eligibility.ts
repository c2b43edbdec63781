import type { Selectable } from 'kysely';
import type { EligibilityOnDate } from '../../../shared/domain/claims';
import type { PersonTable } from '../db/schema/registry';

/**
 * The patient's eligibility on the day of care, re-checked against the registry as it stands now
 * (a person struck off since the visit is flagged). Until the registry's pure eligibility
 * function is on main, only the person's own record is read (rules 1–2 of domain.md).
 */
export function eligibilityOnDate(person: Selectable<PersonTable>, date: string): EligibilityOnDate {
  const reasons: string[] = [];
  if (person.status === 'radie') reasons.push('STRUCK_OFF');
  else if (person.status === 'suspendu') reasons.push('SUSPENDED');
  if (person.valid_from && date < person.valid_from) reasons.push('NOT_YET_VALID');
  if (person.valid_to && date > person.valid_to) reasons.push('EXPIRED');
  return { eligible: reasons.length === 0, reasons };
}
