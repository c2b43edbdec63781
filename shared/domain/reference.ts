import type { SignatureStatus } from './registry-import';
import type { FacilityLevel } from './facility';

/** Reference lists supplied by the ANAM as files: acts (tariffs) and medicines, versioned by effective date. */

export const TARIFF_CATEGORIES = ['consultation', 'laboratoire', 'imagerie', 'maternite', 'hospitalisation', 'chirurgie', 'autre'] as const;
export type TariffCategory = (typeof TARIFF_CATEGORIES)[number];

export const TARIFF_CATEGORY_LABELS: Record<TariffCategory, string> = {
  consultation: 'Consultation',
  laboratoire: 'Laboratoire',
  imagerie: 'Imagerie',
  maternite: 'Maternité',
  hospitalisation: 'Hospitalisation',
  chirurgie: 'Chirurgie',
  autre: 'Autre',
};

/** Care the RAMED never pays for (law 09-030): an act carrying one of these is refused. */
export const EXCLUSIONS = ['evacuation_etranger', 'prothese_dentaire', 'lunettes', 'esthetique'] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];

export const EXCLUSION_LABELS: Record<Exclusion, string> = {
  evacuation_etranger: 'évacuation sanitaire à l’étranger',
  prothese_dentaire: 'prothèse dentaire',
  lunettes: 'lunettes',
  esthetique: 'soins esthétiques',
};

export const LEVEL_SHORT_LABELS: Record<FacilityLevel, string> = { cscom: 'CSCOM', csref: 'CSREF', hopital: 'hôpital' };

/** One version of an act's tariff at one facility level. */
export interface TariffEntry {
  id: number;
  code: string;
  label: string;
  category: TariffCategory;
  level: FacilityLevel;
  /** Integer FCFA per unit. */
  price: number;
  effectiveFrom: string;
  /** Last day in force (inclusive), or null while no later version or end date is known. */
  effectiveTo: string | null;
  ramedCovered: boolean;
  /** Most units of this act in one episode, or null for no limit. */
  maxQuantity: number | null;
  exclusion: Exclusion | null;
  /** Caesarean sections are free under their own programme, never billed to the RAMED. */
  caesarean: boolean;
}

/** One version of a medicine of the list, by DCI (generic name). */
export interface MedicineEntry {
  id: number;
  code: string;
  dci: string;
  form: string;
  strength: string;
  unit: string;
  /** Integer FCFA per dispensing unit. */
  price: number;
  essential: boolean;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export interface LineError {
  line: number;
  reason: string;
}

/**
 * What an import of a reference list did. A file with any rejected line changes nothing
 * (`applied` false): prices are never half-imported.
 */
export interface ReferenceImportReport {
  applied: boolean;
  /** Data lines read (the header excluded). */
  lines: number;
  /** New versions recorded. */
  inserted: number;
  /** Versions already recorded identically (a re-import). */
  unchanged: number;
  /** Earlier versions whose period this import ended. */
  closed: number;
  rejected: LineError[];
  warnings: string[];
  /** What the ANAM signature check found. */
  signature: SignatureStatus;
}

/** How the import and the history name what the signature check found, in plain words. */
export const REFERENCE_SIGNATURE_LABELS: Record<SignatureStatus, string> = {
  valid: 'signé par l’ANAM',
  missing: 'non signé',
  unsigned: 'non signé (aucune clé de l’ANAM configurée)',
  unverified: 'signé, non vérifié (aucune clé de l’ANAM configurée)',
  invalid: 'signature invalide',
};

/** One import of a reference list, as the history shows it. */
export interface ReferenceImportEntry {
  id: number;
  kind: 'tarifs' | 'medicaments' | 'controles' | 'programmes';
  fileName: string;
  sha256: string;
  importedAt: string;
  byLogin: string;
  lines: number;
  inserted: number;
  closed: number;
  /** Null for imports recorded before signatures were checked. */
  signature: SignatureStatus | null;
  warning: string | null;
}

export const tariffInForce = (entry: Pick<TariffEntry, 'effectiveFrom' | 'effectiveTo'>, date: string): boolean =>
  entry.effectiveFrom <= date && (entry.effectiveTo === null || date <= entry.effectiveTo);
