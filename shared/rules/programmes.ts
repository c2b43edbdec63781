import type { TariffCategory } from '../domain/reference';
import { tariffInForce } from '../domain/reference';
import { ageOn } from './eligibility';

/**
 * Free-care programmes (caesarean, malaria, TB, HIV, leprosy, vaccination) as data: a line of care
 * goes to the first programme, in the list's order, that covers it on the day of care, and then
 * never to the RAMED claim. Pure: the caller supplies the programmes and the patient's facts.
 */

/** The caesarean programme: acts the tariff list flags « césarienne » go to it even with no programme list. */
export const CAESAREAN_PROGRAMME = 'CESAR';

/** Who a patient condition lets in: a child under N full years, or a pregnant woman. */
export type PatientCondition = { kind: 'under_age'; years: number } | { kind: 'pregnant' };

export interface Programme {
  code: string;
  name: string;
  /** Who pays the programme's statement (a ministry's programme, a partner). */
  payer: string;
  /** Lower comes first when two programmes cover the same line. */
  order: number;
  acts: string[];
  categories: TariffCategory[];
  /** Medicine codes of the medicines list (one code per DCI, form and strength). */
  medicines: string[];
  /** Covers the acts the tariff list flags « césarienne ». */
  caesarean: boolean;
  /** Any one suffices; none means every patient. */
  patients: PatientCondition[];
  /** ICD-10 prefixes the episode's diagnosis must start with (any one); none means any diagnosis. */
  icd10: string[];
  effectiveFrom: string;
  effectiveTo: string | null;
}

export type CareItem = { kind: 'acte'; code: string; category: TariffCategory; caesarean: boolean } | { kind: 'medicament'; code: string };

/** What is known of the patient and the episode on the day of care. */
export interface CareFacts {
  date: string;
  birthDate: string;
  sex: 'F' | 'M';
  pregnant: boolean;
  /** The episode's ICD-10 code when the line is recorded, or null. */
  icd10: string | null;
}

const icd10Key = (code: string) => code.replace(/\./g, '').toUpperCase();

/** ICD-10 chapter O (pregnancy, childbirth) and Z33–Z36 (pregnant state, antenatal care). */
const PREGNANCY_ICD10 = /^(O|Z3[3-6])/;

/** A maternity episode, or a diagnosis of pregnancy, tells that a woman is pregnant. */
export function isPregnant(episode: { type: string; icd10: string | null }, sex: 'F' | 'M'): boolean {
  if (sex !== 'F') return false;
  return episode.type === 'maternite' || (episode.icd10 !== null && PREGNANCY_ICD10.test(icd10Key(episode.icd10)));
}

function coversItem(p: Programme, item: CareItem): boolean {
  if (item.kind === 'medicament') return p.medicines.includes(item.code);
  return p.acts.includes(item.code) || p.categories.includes(item.category) || (p.caesarean && item.caesarean);
}

function coversPatient(p: Programme, facts: CareFacts): boolean {
  if (p.patients.length === 0) return true;
  return p.patients.some((c) =>
    c.kind === 'pregnant' ? facts.sex === 'F' && facts.pregnant : ageOn(facts.birthDate, facts.date) < c.years,
  );
}

function coversDiagnosis(p: Programme, facts: CareFacts): boolean {
  if (p.icd10.length === 0) return true;
  if (facts.icd10 === null) return false;
  const code = icd10Key(facts.icd10);
  return p.icd10.some((prefix) => code.startsWith(icd10Key(prefix)));
}

/** The first programme in force on the day of care that covers the item for this patient, or null (the RAMED). */
export function programmeFor(programmes: readonly Programme[], item: CareItem, facts: CareFacts): Programme | null {
  const inForce = programmes.filter((p) => tariffInForce(p, facts.date));
  const ordered = [...inForce].sort((a, b) => a.order - b.order || a.code.localeCompare(b.code));
  return ordered.find((p) => coversItem(p, item) && coversPatient(p, facts) && coversDiagnosis(p, facts)) ?? null;
}

/** "moins de 5 ans | femme enceinte" for a screen or a statement. */
export function describeConditions(conditions: readonly PatientCondition[]): string {
  if (conditions.length === 0) return 'tous les patients';
  return conditions.map((c) => (c.kind === 'pregnant' ? 'femme enceinte' : `moins de ${c.years} ans`)).join(' ou ');
}
