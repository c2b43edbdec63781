import { z } from 'zod';
import type { Payer } from '../rules/pricing';
import type { TariffCategory } from './reference';
import type { FacilityLevel } from './facility';
import type { DispensedLine } from './pharmacy';
import type { ClaimStatus } from './claim-status';

/** An episode of care: opened at reception, completed with prestations, closed for the monthly claim. */

export const EPISODE_TYPES = ['consultation_externe', 'urgence', 'hospitalisation', 'maternite', 'autre'] as const;
export type EpisodeType = (typeof EPISODE_TYPES)[number];
export const EPISODE_TYPE_LABELS: Record<EpisodeType, string> = {
  consultation_externe: 'Consultation externe',
  urgence: 'Urgence',
  hospitalisation: 'Hospitalisation',
  maternite: 'Maternité',
  autre: 'Autre',
};

export const EPISODE_STATUSES = ['ouvert', 'clos'] as const;
export type EpisodeStatus = (typeof EPISODE_STATUSES)[number];
export const EPISODE_STATUS_LABELS: Record<EpisodeStatus, string> = { ouvert: 'Ouvert', clos: 'Clos' };

/** What the patient showed at the identity check (domain.md, "Identity check"). */
export const IDENTITY_DOCUMENTS = ['recepisse_seul', 'cni_nina', 'carte_biometrique', 'acte_naissance', 'autre', 'aucun'] as const;
export type IdentityDocument = (typeof IDENTITY_DOCUMENTS)[number];
export const IDENTITY_DOCUMENT_LABELS: Record<IdentityDocument, string> = {
  recepisse_seul: 'Récépissé seul',
  cni_nina: 'Carte NINA / CNI',
  carte_biometrique: 'Carte biométrique (CNIBS)',
  acte_naissance: 'Acte de naissance',
  autre: 'Autre pièce',
  aucun: 'Aucune pièce',
};

export const OUTCOMES = ['gueri', 'ameliore', 'refere', 'contre_avis', 'decede', 'autre'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  gueri: 'Guéri',
  ameliore: 'Amélioré',
  refere: 'Référé / évacué',
  contre_avis: 'Sortie contre avis médical',
  decede: 'Décédé',
  autre: 'Autre',
};

export const EPISODE_EVENT_KINDS = ['ouverture', 'diagnostic', 'cloture', 'reouverture'] as const;
export type EpisodeEventKind = (typeof EPISODE_EVENT_KINDS)[number];
export const EPISODE_EVENT_LABELS: Record<EpisodeEventKind, string> = {
  ouverture: 'Ouverture',
  diagnostic: 'Diagnostic',
  cloture: 'Clôture',
  reouverture: 'Réouverture',
};

/** Line kinds: acts priced by tariff here; medicines are dispensed by the pharmacy on the same episode. */
export const LINE_KINDS = ['acte', 'medicament'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

/** The eligibility decision as the reception desk saw it when admitting (kept for the claim). */
export const eligibilitySnapshot = z.strictObject({
  eligible: z.boolean(),
  reasons: z.array(z.string().max(40)).max(20),
  warnings: z.array(z.string().max(40)).max(20),
});
export type EligibilitySnapshot = z.output<typeof eligibilitySnapshot>;

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => (v ? v : null));

/** What the reception desk supplies to open an episode, after its own checks (eligibility, referral rule). */
export const episodeOpenInput = z
  .strictObject({
    /** Null only for an emergency admitted out of the registry whose récépissé the registry does not hold. */
    personId: z.number().int().positive().nullable(),
    type: z.enum(EPISODE_TYPES, { message: 'Type d’épisode inconnu' }),
    emergency: z.boolean().default(false),
    referralFrom: optionalText(120, 'Structure d’origine : 120 caractères au plus'),
    referralRef: optionalText(60, 'Référence : 60 caractères au plus'),
    identityDocument: z.enum(IDENTITY_DOCUMENTS, { message: 'Pièce d’identité inconnue' }),
    identityNumber: optionalText(40, 'Numéro de pièce : 40 caractères au plus'),
    /** Null when nothing could be compared (no document shown). */
    identityMatches: z.boolean().nullable(),
    /** Why the agent admitted although the document did not match. */
    identityMismatchReason: optionalText(200, 'Motif : 200 caractères au plus'),
    /** The typed NINA against the registry's (shared/rules/identity.ts), null when nothing to compare. */
    ninaCheck: z.enum(['match', 'mismatch']).nullable().default(null),
    eligibility: eligibilitySnapshot,
  })
  .refine((v) => v.identityDocument !== 'aucun' || v.identityMatches === null, {
    message: 'Sans pièce présentée, la concordance de l’identité ne peut pas être indiquée',
    path: ['identityMatches'],
  });
export type EpisodeOpenInput = z.input<typeof episodeOpenInput>;

/** ICD-10 (CIM-10) code, optional on the diagnosis: B54, O80, J06.9… */
export const icd10 = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$/, 'Code CIM-10 attendu, par exemple B54 ou J06.9');

export interface EpisodePatient {
  /** Null while an emergency admitted out of the registry waits for the registry to bring its récépissé. */
  personId: number | null;
  recepisse: string;
  familyName: string;
  givenNames: string;
  sex: 'M' | 'F';
  birthDate: string;
  /** Only the year is known (« né vers 1968 »): the day and month stored are not real. */
  birthYearOnly: boolean;
  /** Null while the episode has no registry person. */
  quality: string | null;
  holderRecepisse: string | null;
}

export type LineState = 'active' | 'annulee' | 'annulation';

export interface EpisodeLine {
  id: number;
  kind: LineKind;
  code: string;
  label: string;
  category: TariffCategory | null;
  performedOn: string;
  /** Negative on a cancellation line, which mirrors the line it cancels. */
  quantity: number;
  unitPrice: number;
  amount: number;
  payer: Payer;
  /** The free-care programme charged when the line was priced, when one covers it. */
  programme?: string | null;
  prescriber: string;
  state: LineState;
  /** On a cancellation line: the line it cancels. */
  cancelsId: number | null;
  /** On a cancelled line: the cancellation line. */
  cancelledById: number | null;
  /** The reason given for a cancellation (on both lines). */
  reason: string | null;
  /** A medicine keyed as an act, off the essential list: why it is billed (absent when none was recorded). */
  offListReason?: string | null;
  createdAt: string;
  createdBy: string;
}

export interface EpisodeEvent {
  id: number;
  kind: EpisodeEventKind;
  at: string;
  by: string;
  reason: string | null;
}

export interface EpisodeTotals {
  /** What the RAMED is billed: acts and medicines still in force, excluding the free-care programmes' lines. */
  ramed: number;
  /** The acts' part of `ramed`. */
  acts: number;
  /** The medicines' part of `ramed` (dispensed by the pharmacy on this episode). */
  medicines: number;
  /** Recorded for the free-care programmes (caesarean, malaria…), not billed to the RAMED. */
  programme: number;
  /** Act lines in force. */
  activeLines: number;
  /** Medicine lines in force. */
  activeMedicines: number;
}

/** An emergency admission out of the registry, as the episode and its slip show it. */
export interface UnregisteredAdmission {
  registrationRequestId: number;
  reason: string | null;
  /** YYYY-MM-DD: the last day the registry may show the person eligible on the day of care. */
  deadline: string;
}

/** What the desk decided at admission: the episode, its slip and the admission call all carry it. */
export interface AdmissionFacts {
  type: EpisodeType;
  emergency: boolean;
  referralFrom: string | null;
  referralRef: string | null;
  identityDocument: IdentityDocument;
  identityNumber: string | null;
  identityMatches: boolean | null;
}

export interface EpisodeView extends AdmissionFacts {
  id: number;
  number: string;
  status: EpisodeStatus;
  eligibility: EligibilitySnapshot;
  /** Admitted in an emergency although the registry did not cover the person: to regularise by `deadline`. */
  unregistered: UnregisteredAdmission | null;
  openedAt: string;
  openedBy: string;
  endedOn: string | null;
  closedAt: string | null;
  closedBy: string | null;
  diagnosis: string | null;
  icd10: string | null;
  outcome: Outcome | null;
  patient: EpisodePatient;
  /** The facility level its acts are priced at. */
  level: FacilityLevel;
  lines: EpisodeLine[];
  /** What the pharmacy dispensed on the episode, cancellations included (they stay visible). */
  medicines: DispensedLine[];
  totals: EpisodeTotals;
  events: EpisodeEvent[];
  /** The signed versions of its month's claim that hold it (drafts aside): a reopening does not change them. */
  claimedIn: ClaimedIn[];
}

export interface ClaimedIn {
  month: string;
  version: number;
  status: ClaimStatus;
}

export interface EpisodeListRow {
  id: number;
  number: string;
  status: EpisodeStatus;
  type: EpisodeType;
  emergency: boolean;
  openedAt: string;
  endedOn: string | null;
  recepisse: string;
  patientName: string;
  /** Acts and medicines in force billed to the RAMED. */
  ramedTotal: number;
  activeLines: number;
  activeMedicines: number;
}

export const EPISODE_SORTS = ['openedAt', 'number', 'patient', 'type', 'status'] as const;
export type EpisodeSort = (typeof EPISODE_SORTS)[number];
