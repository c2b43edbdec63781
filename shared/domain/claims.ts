import type { ReasonCode } from './registry';
import type { FacilityLevel } from './facility';
import type { EpisodeType, IdentityDocument } from './episodes';
import type { TariffCategory } from './reference';
import type { Payer } from '../rules/pricing';
import type { ClaimPeriod } from '../rules/claim-period';
import type { ClaimStatus } from './claim-status';

/** The monthly claim to the ANAM: its versions, lines, checks and totals (domain.md, "Monthly claims"). */

export { CLAIM_STATUSES, CLAIM_STATUS_LABELS, type ClaimStatus } from './claim-status';

/** Stable codes of the checks run before sign-off (like openIMIS's claim rejection reasons). */
export const CLAIM_CHECKS = [
  'PATIENT_NOT_ELIGIBLE',
  'NOT_IN_TARIFF',
  'NON_POSITIVE_AMOUNT',
  'QUANTITY_OVER_LIMIT',
  'END_BEFORE_START',
  'DUPLICATE_ACT',
  'DUPLICATE_ADMISSION',
  'CAESAREAN_BILLED',
  'EXCLUDED_CARE',
  'IDENTITY_NOT_CHECKED',
  'NO_REFERRAL',
  'ELIGIBILITY_CHANGED',
  'IDENTITY_MISMATCH',
  // The plausibility rules of the médecin conseil (shared/rules/claim-plausibility.ts), as data.
  'IMPLAUSIBLE_SEX',
  'IMPLAUSIBLE_AGE',
  'REPEAT_TOO_SOON',
  'OVER_PERIOD_LIMIT',
  'DAYS_OVER_STAY',
  'OVERLAPPING_STAYS',
  'DOSE_OVER_MAXIMUM',
  'NOT_ESSENTIAL',
  'OFF_LIST_JUSTIFIED',
  // Admitted in an emergency out of the registry, and not regularised in time (shared/rules/regularisation.ts).
  'NOT_REGULARISED',
  // The same, while the deadline has not passed: care pending regularisation.
  'REGULARISATION_PENDING',
] as const;
export type ClaimCheck = (typeof CLAIM_CHECKS)[number];
export const CLAIM_CHECK_LABELS: Record<ClaimCheck, string> = {
  PATIENT_NOT_ELIGIBLE: 'Patient non éligible à la date des soins',
  NOT_IN_TARIFF: 'Élément absent de la liste en vigueur',
  NON_POSITIVE_AMOUNT: 'Montant nul ou négatif',
  QUANTITY_OVER_LIMIT: 'Quantité au-delà de la limite',
  END_BEFORE_START: 'Fin avant le début',
  DUPLICATE_ACT: 'Même acte deux fois le même jour',
  DUPLICATE_ADMISSION: 'Deux admissions le même jour',
  CAESAREAN_BILLED: 'Césarienne facturée au RAMED',
  EXCLUDED_CARE: 'Soin exclu du RAMED',
  IDENTITY_NOT_CHECKED: 'Identité non vérifiée',
  NO_REFERRAL: 'Sans référence ni urgence',
  ELIGIBILITY_CHANGED: 'Éligible à l’admission, registre changé depuis',
  IDENTITY_MISMATCH: 'Pièce d’identité non concordante',
  IMPLAUSIBLE_SEX: 'Acte incompatible avec le sexe',
  IMPLAUSIBLE_AGE: 'Acte incompatible avec l’âge',
  REPEAT_TOO_SOON: 'Acte répété trop tôt',
  OVER_PERIOD_LIMIT: 'Trop d’actes sur la période',
  DAYS_OVER_STAY: 'Plus de journées que de jours de séjour',
  OVERLAPPING_STAYS: 'Séjours qui se chevauchent',
  DOSE_OVER_MAXIMUM: 'Quantité au-delà de la dose journalière',
  NOT_ESSENTIAL: 'Médicament hors liste essentielle, sans justification',
  OFF_LIST_JUSTIFIED: 'Médicament hors liste essentielle, justifié',
  NOT_REGULARISED: 'Urgence hors registre non régularisée',
  REGULARISATION_PENDING: 'Urgence hors registre en attente de régularisation',
};

export const CHECK_SEVERITIES = ['bloquant', 'avertissement'] as const;
export type CheckSeverity = (typeof CHECK_SEVERITIES)[number];
export type CheckSeverities = Record<ClaimCheck, CheckSeverity>;

/** Amount categories of the bordereau: the tariff's categories, and medicines. */
export type ClaimCategory = TariffCategory | 'medicaments';
export const CLAIM_CATEGORIES: readonly ClaimCategory[] = [
  'consultation',
  'laboratoire',
  'imagerie',
  'maternite',
  'hospitalisation',
  'chirurgie',
  'medicaments',
  'autre',
];
export const CLAIM_CATEGORY_LABELS: Record<ClaimCategory, string> = {
  consultation: 'Consultation',
  laboratoire: 'Laboratoire',
  imagerie: 'Imagerie',
  maternite: 'Maternité',
  hospitalisation: 'Hospitalisation',
  chirurgie: 'Chirurgie',
  medicaments: 'Médicaments',
  autre: 'Autre',
};

/** Where a line comes from: an act (or medicine) line of the episode, or a pharmacy dispensing. */
export type LineSource = 'prestation' | 'dispensation';

/** One billed line, as every source of lines gives it to the claim. */
export interface ClaimLine {
  /** `source:id`, stable across versions: what an exclusion names. */
  key: string;
  source: LineSource;
  episodeId: number;
  kind: 'acte' | 'medicament';
  /** Act code, or medicine code (its DCI in `label`). */
  code: string;
  label: string;
  category: ClaimCategory;
  performedOn: string;
  quantity: number;
  unitPrice: number;
  amount: number;
  payer: Payer;
  /** The free-care programme that pays the line (never the RAMED claim then), when one does. */
  programme?: string | null;
  /** Who prescribed it (the FHIR Claim's care team). */
  prescriber?: string;
  /** A medicine off the essential list: why it was dispensed or keyed as an act (absent when none was recorded). */
  offListReason?: string;
}

/** What the registry says of the patient on the day of care, re-checked at build time. */
export interface EligibilityOnDate {
  eligible: boolean;
  /** Reason codes of domain.md (e.g. SUSPENDED, EXPIRED). */
  reasons: ReasonCode[];
  /**
   * What the desk recorded at admission, and whether the registry data of the patient (or the
   * titulaire) was written after it: care given on an eligible answer is not blocked by a change
   * received later, even one dated back before the care.
   */
  admission?: { eligible: boolean; registryChangedSince: boolean };
}

/** An episode with everything the checks read: plain data, no database. */
export interface ClaimEpisodeInput {
  episodeId: number;
  number: string;
  /**
   * The registry person: the patient's key for the same-person rules. An emergency admitted out of
   * the registry, still waiting for its person, has minus its registration request's id.
   */
  personId: number;
  recepisse: string;
  patientName: string;
  /** From the registry, for the plausibility rules (sex, age on the day of care). */
  sex: 'F' | 'M';
  birthDate: string;
  type: EpisodeType;
  emergency: boolean;
  referralFrom: string | null;
  identityDocument: IdentityDocument;
  identityMatches: boolean | null;
  /** Why the agent admitted although the document did not match. */
  identityMismatchReason?: string | null;
  /** The NINA typed at admission against the registry's; null or absent when nothing was compared. */
  ninaCheck?: 'match' | 'mismatch' | null;
  openedOn: string;
  endedOn: string;
  eligibility: EligibilityOnDate;
  /** Admitted in an emergency out of the registry: the deadline, and the day a version covering the care day arrived in time. */
  unregistered?: {
    deadline: string;
    regularisedOn: string | null;
    /** Not regularised yet, and the deadline has not passed on the day the claim is judged. */
    pending?: true;
  } | null;
  lines: ClaimLine[];
  /** The clinical record the médecin conseil judges (optional: absent in older tests' inputs). */
  clinical?: EpisodeClinical;
}

/** What the FHIR Claim carries beyond the lines: diagnosis, referral, who keyed the admission. */
export interface EpisodeClinical {
  diagnosis: string | null;
  /** ICD-10 code of the principal diagnosis. */
  icd10: string | null;
  outcome: string | null;
  referralFrom: string | null;
  referralRef: string | null;
  /** The desk agent who opened the episode (FHIR `enterer`). */
  enterer: string;
}

export interface ClaimFlag {
  code: ClaimCheck;
  episodeId: number;
  /** Null for a flag on the whole episode. */
  lineKey: string | null;
  message: string;
}

export interface ClaimExclusion {
  id: number;
  episodeId: number;
  /** Null when the whole episode is excluded. */
  lineKey: string | null;
  reason: string;
  at: string;
  by: string;
  /** Made by the claim build itself (NOT_REGULARISED), not by the manager; absent otherwise. */
  automatic?: true;
}

export type CategoryTotals = Record<ClaimCategory, number>;

export interface ClaimDocumentLine extends ClaimLine {
  excluded: string | null;
}

export interface ClaimDocumentEpisode {
  episodeId: number;
  number: string;
  recepisse: string;
  patientName: string;
  type: EpisodeType;
  emergency: boolean;
  openedOn: string;
  endedOn: string;
  /**
   * « Clôture tardive »: the month (YYYY-MM) the episode ended in, when it was closed after that
   * month's claim was signed and comes in this later claim. Absent otherwise.
   */
  lateClosure?: string;
  /** Diagnosis, referral and enterer, when the episode was composed with them. */
  clinical?: EpisodeClinical;
  /** The exclusion reason, when the whole episode is left out. */
  excluded: string | null;
  lines: ClaimDocumentLine[];
  /** Billed to the RAMED: lines in force, not excluded, RAMED-paid. */
  totals: CategoryTotals;
  total: number;
}

/** The claim as signed: canonical JSON of this object is what the SHA-256 covers. */
export interface ClaimDocument {
  month: string;
  version: number;
  /** The signed version this one replaces. */
  previousSha256: string | null;
  /** A resubmission: the signed version whose rejected lines it claims again (absent otherwise). */
  resubmits?: { version: number; sha256: string };
  facility: { code: string; name: string; level: FacilityLevel };
  episodes: ClaimDocumentEpisode[];
  flags: ClaimFlag[];
  totals: CategoryTotals;
  total: number;
  /** Recorded for the free caesarean programme, never billed to the RAMED. */
  programmeTotal: number;
}

export interface ClaimSummary {
  id: number;
  month: string;
  version: number;
  status: ClaimStatus;
  episodes: number;
  total: number;
  builtAt: string;
  builtBy: string;
  signedAt: string | null;
  signedBy: string | null;
  sha256: string | null;
  previousId: number | null;
  /** A resubmission: the version whose rejected lines it claims again, corrected. */
  resubmitsId: number | null;
  /** Why this version was built on the month's last day rather than after it (null otherwise). */
  earlyReason: string | null;
}

export interface MissingEpisode {
  episodeId: number;
  number: string;
  recepisse: string;
  patientName: string;
  openedAt: string;
}

export interface FlagView extends ClaimFlag {
  severity: CheckSeverity;
  /** The line or its episode is excluded: the flag no longer blocks. */
  resolved: boolean;
}

export interface ClaimView {
  summary: ClaimSummary;
  document: ClaimDocument;
  /** The hash sign-off will record: of the stored content once signed, of the current content for a draft. */
  sha256: string;
  flags: FlagView[];
  blocking: number;
  exclusions: ClaimExclusion[];
  /** Episodes of the month still open: they wait for the next build. */
  missing: MissingEpisode[];
  checklist: MonthEndChecklist;
}

/** What the manager reviews before signing the month (« Avant de signer »). */
export interface MonthEndChecklist {
  /** The month seen from today: a claim is signed once it has ended (or on its last day, built with a reason). */
  period: ClaimPeriod;
  /** Why the draft cannot be signed today for its period or emptiness (null: nothing against it; always null once signed). */
  periodRefusal: string | null;
  /** Episodes opened by the month's end and still open. */
  openEpisodes: number;
  /** Episodes of earlier months closed after their claim was signed, coming in this one. */
  lateClosures: number;
  /** Flags neither excluded nor resolved (warnings included). */
  unresolvedChecks: number;
  blocking: number;
}
