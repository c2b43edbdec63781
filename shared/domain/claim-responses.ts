import type { ClaimDocument, ClaimSummary, FlagView } from './claims';

/** The ANAM's answers to a signed claim, line by line, and what they leave to be paid. */

export const LINE_DECISION_STATUSES = ['acceptee', 'ajustee', 'rejetee'] as const;
export type LineDecisionStatus = (typeof LINE_DECISION_STATUSES)[number];
/** A line the ANAM has not answered yet is `sans_reponse`. */
export type LineResponseState = LineDecisionStatus | 'sans_reponse';
export const LINE_RESPONSE_LABELS: Record<LineResponseState, string> = {
  acceptee: 'Acceptée',
  ajustee: 'Acceptée, montant ajusté',
  rejetee: 'Rejetée',
  sans_reponse: 'Sans réponse',
};

/** One item of a Claim as it was sent: the claim line it bills and its amount. */
export interface ClaimedItem {
  sequence: number;
  lineKey: string;
  amount: number;
}

/** The ANAM's decision on one line. */
export interface LineDecision {
  sequence: number;
  lineKey: string;
  status: LineDecisionStatus;
  claimed: number;
  accepted: number;
  reasonCode: string | null;
  reasonText: string | null;
}

/** Integer FCFA of a claim version: billed, answered so far, accepted and rejected among the answered. */
export interface ResponseTotals {
  claimed: number;
  answered: number;
  accepted: number;
  rejected: number;
}

/** What the claims list shows of a signed version beside its status. */
export interface ClaimFollowUp extends ResponseTotals {
  /** The first time one of its Claims reached the ANAM (sent, or exported for a USB key). */
  sentAt: string | null;
  paid: number;
  /** What the ANAM may still pay: claimed less rejected, less what was paid. */
  outstanding: number;
  /** Days since `sentAt`, while something is still to be paid or answered. */
  daysSinceSent: number | null;
  /** Beyond the setting `claims.paymentDelayDays` with something still unpaid. */
  overdue: boolean;
  /** Claims of this version not yet sent (exported ones included). */
  pendingMessages: number;
  /** The newer version that replaced this one before it left (its messages were not sent). */
  supersededByVersion: number | null;
  /** For a resubmission, the version whose rejected lines it claims again. */
  resubmitsVersion: number | null;
}

export interface ClaimListRow extends ClaimSummary {
  /** Null for a draft. */
  followUp: ClaimFollowUp | null;
}

export interface LineResponseView {
  episodeNumber: string;
  patientName: string;
  lineKey: string;
  sequence: number;
  code: string;
  label: string;
  performedOn: string;
  claimed: number;
  state: LineResponseState;
  accepted: number;
  rejected: number;
  reasonCode: string | null;
  reasonText: string | null;
  respondedAt: string | null;
  /** The resubmission (version) that claims this rejected line's episode again. */
  resubmittedIn: number | null;
}

export interface AttemptView {
  episodeNumber: string;
  startedAt: string;
  finishedAt: string;
  worker: string;
  httpStatus: number | null;
  outcome: 'livre' | 'doublon' | 'echec';
  error: string | null;
}

export interface ResponseReceiptView {
  episodeNumber: string;
  receivedAt: string;
  source: 'envoi' | 'fichier';
  fileName: string | null;
  by: string;
  outcome: string;
  disposition: string | null;
  sha256: string;
}

export interface ClaimAllocationView {
  paymentId: number;
  paidOn: string;
  reference: string;
  amount: number;
}

/** The follow-up of one signed version: per line answers, the sending history, payments, resubmissions. */
export interface ClaimFollowUpView {
  claim: ClaimListRow;
  lines: LineResponseView[];
  attempts: AttemptView[];
  responses: ResponseReceiptView[];
  allocations: ClaimAllocationView[];
  resubmissions: Array<{ version: number; status: ClaimSummary['status'] }>;
  /** Rejected lines whose episode no resubmission claims yet. */
  rejectedToResubmit: number;
}

export interface ResponseImportReport {
  fileName: string;
  /** ClaimResponses in the file. */
  responses: number;
  /** Recorded now. */
  applied: number;
  /** Already recorded (the same answer imported before). */
  unchanged: number;
  /** ClaimResponses saying the ANAM could not process the Claim: recorded as failed attempts. */
  errors: number;
  claims: Array<{ month: string; version: number; status: ClaimSummary['status'] } & ResponseTotals>;
}

/** What a resubmission of a version would hold, shown before it is signed. */
export interface ResubmissionEpisode {
  episodeId: number;
  number: string;
  patientName: string;
  /** Lines of the original the ANAM rejected. */
  rejected: Array<{ label: string; code: string; claimed: number; reasonCode: string | null; reasonText: string | null }>;
  /** Lines billed now that no signed version claimed yet (the corrections). */
  corrected: number;
  /**
   * `corrige`: goes in the resubmission; `a_corriger`: no correction keyed yet; `ouvert`: reopened,
   * waits to be closed; `exclu`: excluded from the claims; `bloque`: a blocking check holds it back.
   */
  state: ResubmissionState;
}

export const RESUBMISSION_STATES = ['corrige', 'a_corriger', 'ouvert', 'exclu', 'bloque'] as const;
export type ResubmissionState = (typeof RESUBMISSION_STATES)[number];
export const RESUBMISSION_STATE_LABELS: Record<ResubmissionState, string> = {
  corrige: 'Corrigé : resoumis',
  a_corriger: 'À corriger',
  ouvert: 'Rouvert : à clore',
  exclu: 'Exclu des réclamations',
  bloque: 'Contrôle bloquant',
};

export interface ResubmissionPreview {
  source: ClaimSummary;
  /** The version number the resubmission takes. */
  version: number;
  episodes: ResubmissionEpisode[];
  /** The resubmission as it would be signed (null when no episode has a correction yet). */
  draft: { document: ClaimDocument; sha256: string; flags: FlagView[]; blocking: number } | null;
}
