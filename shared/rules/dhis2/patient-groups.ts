import { QUALITIES, type Quality } from '../../domain/registry';
import { ageOn } from '../eligibility';

/** The age bands the monthly figures are split by, in completed years. */
export const AGE_BANDS = ['0-4', '5-14', '15-59', '60+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  '0-4': 'moins de 5 ans',
  '5-14': '5 à 14 ans',
  '15-59': '15 à 59 ans',
  '60+': '60 ans et plus',
};

export const SEXES = ['M', 'F'] as const;
export type Sex = (typeof SEXES)[number];

export function ageBand(age: number): AgeBand {
  if (age < 5) return '0-4';
  if (age < 15) return '5-14';
  if (age < 60) return '15-59';
  return '60+';
}

/** A patient seen in the period, as the breakdown query gives them. */
export interface SeenPatient {
  sex: Sex;
  birthDate: string;
  quality: Quality;
  /** The day of their first episode in the period: their age is taken that day. */
  firstDay: string;
}

export interface PatientGroups {
  /** `M.0-4` → patients: every sex and band, even at zero. */
  bySexAndAge: Record<`${Sex}.${AgeBand}`, number>;
  byQuality: Record<Quality, number>;
}

/** Counts each patient once by sex and age band, and once by RAMED quality. Pure. */
export function patientGroups(patients: readonly SeenPatient[]): PatientGroups {
  const bySexAndAge = Object.fromEntries(SEXES.flatMap((s) => AGE_BANDS.map((b) => [`${s}.${b}`, 0]))) as PatientGroups['bySexAndAge'];
  const byQuality = Object.fromEntries(QUALITIES.map((q) => [q, 0])) as PatientGroups['byQuality'];
  for (const p of patients) {
    // A birth date after the visit (a typing error in the registry) counts as a newborn, never as a negative age.
    bySexAndAge[`${p.sex}.${ageBand(Math.max(0, ageOn(p.birthDate, p.firstDay)))}`] += 1;
    byQuality[p.quality] += 1;
  }
  return { bySexAndAge, byQuality };
}
