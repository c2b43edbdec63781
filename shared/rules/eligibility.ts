import { daysBetween } from '../lib/dates';
import type { PersonStatus, Quality, ReasonCode, WarningCode } from '../domain/registry';

/** What the rules read of a registry record. */
export interface EligibilityRecord {
  quality: Quality;
  status: PersonStatus;
  /** YYYY-MM-DD; YYYY-01-01 when only the year is known. */
  birthDate: string;
  birthYearOnly: boolean;
  inSchool: boolean;
  disabled: boolean;
  validFrom: string | null;
  validTo: string | null;
}

export interface EligibilitySettings {
  /** NEAR_EXPIRY when the last covered day is at most this many days after the date. */
  nearExpiryDays: number;
  /** REGISTRY_STALE when the last import is more than this many days before the date. */
  freshnessDays: number;
}

export interface EligibilityInput {
  /** Null when the récépissé is not in the registry. */
  person: EligibilityRecord | null;
  /** The household's titulaire, for a conjoint or an enfant; null when not in the registry. */
  holder?: EligibilityRecord | null;
  /** The day of care, YYYY-MM-DD (Bamako calendar). */
  date: string;
  settings: EligibilitySettings;
  /** Day of the last completed registry import, null if there never was one. */
  registryDate: string | null;
  /** False when the agent recorded that identity was not checked. */
  identityChecked?: boolean;
}

export interface Eligibility {
  eligible: boolean;
  /** Every failing rule, in a stable order. */
  reasons: ReasonCode[];
  warnings: WarningCode[];
  /** The titulaire's own failing rules, shown beside HOLDER_NOT_ELIGIBLE. */
  holderReasons: ReasonCode[];
  /** Full years on the date, birthday counted on the day. */
  age: number | null;
  /** The last covered day: the earliest end of the person's and the titulaire's validity. */
  validUntil: string | null;
}

const CHILD_FREE_UNTIL = 14;
const CHILD_SCHOOL_UNTIL = 21;

/**
 * Age in full years on `date`, the birthday counted on the day. Someone born on 29 February
 * reaches the next age on 1 March in common years (their day has not yet come on 28 February).
 */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const beforeBirthday = m < bm || (m === bm && d < bd);
  return y - by - (beforeBirthday ? 1 : 0);
}

/** Rules 1 and 2 of domain.md on one record: active, and the date within its validity. */
function recordReasons(record: EligibilityRecord, date: string, validityRequired: boolean): ReasonCode[] {
  const reasons: ReasonCode[] = [];
  if (record.status === 'suspendu') reasons.push('SUSPENDED');
  if (record.status === 'radie') reasons.push('STRUCK_OFF');
  if (validityRequired && (record.validFrom === null || record.validTo === null)) {
    // A titulaire or admis de droit with no validity period has never been granted coverage.
    reasons.push('NOT_YET_VALID');
    return reasons;
  }
  if (record.validFrom !== null && date < record.validFrom) reasons.push('NOT_YET_VALID');
  if (record.validTo !== null && date > record.validTo) reasons.push('EXPIRED');
  return reasons;
}

const earliest = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a < b ? a : b);

/** A spouse or a child is covered through their holder (titulaire): the holder's record counts too. */
export const needsHolder = (person: { quality: Quality }): boolean => person.quality === 'conjoint' || person.quality === 'enfant';

/** Eligibility of a person on a given day: every rule and code of domain.md, nothing else. */
export function checkEligibility(input: EligibilityInput): Eligibility {
  const { person, date, settings } = input;
  const reasons: ReasonCode[] = [];
  const warnings: WarningCode[] = [];
  let holderReasons: ReasonCode[] = [];
  let age: number | null = null;
  let validUntil: string | null = null;

  if (person === null) {
    reasons.push('NOT_FOUND');
  } else {
    const dependant = needsHolder(person);
    reasons.push(...recordReasons(person, date, !dependant));
    validUntil = person.validTo;
    let withinValidity = !reasons.includes('NOT_YET_VALID') && !reasons.includes('EXPIRED');

    if (dependant) {
      const holder = input.holder ?? null;
      // Only a titulaire opens rights for a household; a link to anyone else designates no holder.
      if (holder === null || holder.quality !== 'titulaire') {
        reasons.push('HOLDER_NOT_FOUND');
        withinValidity = false;
      } else {
        holderReasons = recordReasons(holder, date, true);
        if (holderReasons.length > 0) reasons.push('HOLDER_NOT_ELIGIBLE');
        if (holderReasons.includes('NOT_YET_VALID') || holderReasons.includes('EXPIRED')) withinValidity = false;
        validUntil = earliest(validUntil, holder.validTo);
      }
    }

    age = ageOn(person.birthDate, date);
    if (person.quality === 'enfant') {
      // A birth year alone counts as 1 January of that year ("né vers").
      if (person.birthYearOnly) warnings.push('BIRTH_YEAR_ONLY');
      if (!person.disabled) {
        if (age > CHILD_SCHOOL_UNTIL) reasons.push('CHILD_OVER_AGE');
        else if (age >= CHILD_FREE_UNTIL && !person.inSchool) reasons.push('CHILD_NOT_IN_SCHOOL');
      }
    }

    if (withinValidity && validUntil !== null && daysBetween(date, validUntil) <= settings.nearExpiryDays) {
      warnings.push('NEAR_EXPIRY');
    }
  }

  if (input.registryDate === null || daysBetween(input.registryDate, date) > settings.freshnessDays) warnings.push('REGISTRY_STALE');
  if (input.identityChecked === false) warnings.push('IDENTITY_NOT_CHECKED');

  return { eligible: reasons.length === 0, reasons, warnings, holderReasons, age, validUntil };
}
