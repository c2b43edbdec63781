import type { CheckResult } from './registry-lookup';
import type { EpisodeStatus, IdentityDocument } from './episodes';
import { REASON_LABELS, type ReasonCode } from './registry';

/** Why the desk refused an admission besides eligibility: the facility's referral rule. */
export const REFERRAL_REQUIRED = 'REFERRAL_REQUIRED';
/** Admitted without referral at a CSREF or hospital where the rule only warns. */
export const NO_REFERRAL = 'NO_REFERRAL';

export type RefusalCode = ReasonCode | typeof REFERRAL_REQUIRED;

export const REFERRAL_LABELS = {
  [REFERRAL_REQUIRED]: 'Référence obligatoire : patient venu sans référence, hors urgence',
  [NO_REFERRAL]: 'Venu sans référence (hors urgence)',
} as const;

/** Every refusal reason in plain French: the registry's reasons and the referral rule. */
export const REFUSAL_LABELS: Record<RefusalCode, string> = { ...REASON_LABELS, [REFERRAL_REQUIRED]: REFERRAL_LABELS[REFERRAL_REQUIRED] };

/** What the agent tells the patient instead of admitting them under the RAMED. */
export const REFUSAL_ADVICE: Record<RefusalCode, string> = {
  NOT_FOUND: 'Vérifiez le numéro ; sinon, soins payants et orientation vers le service social pour l’inscription au RAMED.',
  NOT_YET_VALID: 'Les droits ne sont pas encore ouverts : soins payants jusqu’à la date de début de validité.',
  EXPIRED: 'Orientez vers le service social (mairie) pour le renouvellement ; en attendant, soins payants.',
  SUSPENDED: 'Orientez vers l’ANAM ou le service social pour lever la suspension ; en attendant, soins payants.',
  STRUCK_OFF: 'La personne n’est plus couverte : soins payants, orientation vers le service social.',
  HOLDER_NOT_ELIGIBLE: 'Les droits du titulaire du foyer sont à régulariser auprès du service social.',
  HOLDER_NOT_FOUND: 'Le foyer est à régulariser auprès du service social : titulaire absent du registre.',
  CHILD_OVER_AGE: 'L’enfant doit être inscrit au RAMED en son nom propre (service social).',
  CHILD_NOT_IN_SCHOOL: 'Demandez un certificat de scolarité au service social pour mettre à jour le registre.',
  REFERRAL_REQUIRED: 'Orientez le patient vers son CSCOM, qui le référera si besoin ; une urgence est toujours admise.',
};

/** One episode of the person opened today (still open or already closed), shown before admitting them again. */
export interface SameDayEpisode {
  id: number;
  number: string;
  openedAt: string;
  openedBy: string;
  status: EpisodeStatus;
}

export type AdmitResult =
  | { outcome: 'admitted'; episodeId: number; number: string; warnings: string[] }
  | { outcome: 'refused'; reasons: RefusalCode[]; message: string }
  /** Already admitted today: nothing was done; admitting again needs `confirmSameDay`. */
  | { outcome: 'sameDay'; episodes: SameDayEpisode[] };

/** What the desk decided on a check: the verification's answer, or the admission's. */
export type DeskOutcome = 'eligible' | 'non_eligible' | 'admis' | 'refuse';

export const DESK_OUTCOME_LABELS: Record<DeskOutcome, string> = {
  eligible: 'Éligible',
  non_eligible: 'Non éligible',
  admis: 'Admis',
  refuse: 'Admission refusée',
};

/** One check or admission decision at the desk, as the day's list shows it. */
export interface DeskCheckRow {
  id: number;
  at: string;
  kind: 'verification' | 'admission';
  outcome: DeskOutcome;
  recepisse: string;
  /** NOM Prénoms, or null for a récépissé not in the registry. */
  patient: string | null;
  reasons: RefusalCode[];
  warnings: string[];
  identityDocument: IdentityDocument | null;
  identityMatches: boolean | null;
  episodeId: number | null;
  episodeNumber: string | null;
  agent: string;
  agentName: string | null;
}

export interface DeskCounts {
  /** Verifications made (a récépissé checked or a person picked). */
  checked: number;
  /** Of those, how many answered « éligible ». */
  eligible: number;
  /** Verifications answered « non éligible », and admissions refused. */
  refused: number;
  admitted: number;
}

export interface DeskDay {
  day: string;
  rows: DeskCheckRow[];
  counts: DeskCounts;
}

/** The day's figures over some of its rows (all of them, or one agent's). */
export function deskCounts(rows: readonly Pick<DeskCheckRow, 'kind' | 'outcome'>[]): DeskCounts {
  const count = (test: (r: Pick<DeskCheckRow, 'kind' | 'outcome'>) => boolean) => rows.filter(test).length;
  return {
    checked: count((r) => r.kind === 'verification'),
    eligible: count((r) => r.outcome === 'eligible'),
    refused: count((r) => r.outcome === 'non_eligible' || r.outcome === 'refuse'),
    admitted: count((r) => r.outcome === 'admis'),
  };
}

/** A person the registry does not cover, recorded at the desk for the social services. */
export interface RegistrationRequest {
  id: number;
  familyName: string;
  givenNames: string;
  sex: 'F' | 'M';
  birthDate: string;
  birthYearOnly: boolean;
  commune: string;
  phone: string | null;
  requestedOn: string;
  recepisse: string | null;
  /** What the registry said of the récépissé given (NOT_FOUND, EXPIRED…), null without one. */
  registryReason: string | null;
  byLogin: string;
  /** The episodes admitted in an emergency under this request, with where their regularisation stands today. */
  episodes: Array<{ id: number; number: string; openedOn: string; regularisation: string }>;
}

/** The desk's check: the eligibility answer, and the episodes already opened today for the person. */
export interface DeskCheck extends CheckResult {
  seenToday: SameDayEpisode[];
}
