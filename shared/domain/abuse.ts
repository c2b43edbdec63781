import type { EpisodeType } from './episodes';

/**
 * The manager's « Contrôle des abus » for one month: who comes, admits and prescribes far more
 * than the facility's own median. Each row names the episodes behind it, for the episodes list.
 */

/** One row of a control table: its figure, whether it is past the outlier line, and its episodes. */
export interface ControlRow {
  /** The figure the table ranks by (visits, admissions without a checked identity, acts per episode, FCFA). */
  value: number;
  /** Above `OUTLIER_FACTOR` × the facility's median for the same figure. */
  outlier: boolean;
  episodeIds: number[];
}

export interface PatientVisits extends ControlRow {
  personId: number;
  recepisse: string;
  name: string;
  visits: number;
}

export interface HouseholdVisits extends ControlRow {
  /** The titulaire's récépissé (an admis de droit is his own household). */
  holderRecepisse: string;
  holderName: string;
  /** Distinct persons of the household seen in the month. */
  persons: number;
  visits: number;
}

export interface AgentAdmissions extends ControlRow {
  login: string;
  name: string;
  admissions: number;
  /** Admitted on the récépissé alone, no other identity document. */
  receiptOnly: number;
  /** The document shown did not match the person (« ne correspond pas »). */
  mismatches: number;
}

export interface PrescriberActs extends ControlRow {
  prescriber: string;
  episodes: number;
  acts: number;
  /** Acts per episode, one decimal. */
  perEpisode: number;
}

export interface CostlyEpisode extends ControlRow {
  episodeId: number;
  number: string;
  patientName: string;
  recepisse: string;
  type: EpisodeType;
  /** Billed to the RAMED: acts and medicines in force (integer FCFA). */
  amount: number;
  /** The median of the month's episodes of the same type. */
  typeMedian: number;
}

/** A median of the facility (null when there is nothing to take it from). */
export interface AbuseMedians {
  visits: number | null;
  householdVisits: number | null;
  unchecked: number | null;
  perEpisode: number | null;
}

export interface AbuseReport {
  month: string;
  /** `novembre 2026` */
  label: string;
  /** Episodes opened in the month: what every table counts. */
  episodes: number;
  medians: AbuseMedians;
  patients: PatientVisits[];
  households: HouseholdVisits[];
  agents: AgentAdmissions[];
  prescribers: PrescriberActs[];
  costly: CostlyEpisode[];
}
