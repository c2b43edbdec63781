import type { Generated } from 'kysely';
import type { EpisodeEventKind, EpisodeStatus, EpisodeType, IdentityDocument, LineKind, Outcome } from '../../../../shared/domain/episodes';
import type { TariffCategory } from '../../../../shared/domain/reference';
import type { Payer } from '../../../../shared/rules/pricing';
import type { Flag } from './system';

export interface EpisodeCounterTable {
  year: number;
  last: number;
}

export interface EpisodeTable {
  id: Generated<number>;
  /** EP-YYYY-NNNNNN, unique in the facility's database. */
  number: string;
  /**
   * The registry person; null while an emergency admitted out of the registry waits for the
   * registry to bring its récépissé (the registration request names the patient meanwhile) (0030).
   */
  person_id: number | null;
  /** When a registry import brought the récépissé and the episode was linked to that person (0030); null otherwise. */
  person_linked_at: string | null;
  recepisse: string;
  /** searchKey("family given") at admission, for the list's name filter. */
  patient_search: string;
  type: EpisodeType;
  emergency: Flag;
  referral_from: string | null;
  referral_ref: string | null;
  identity_document: IdentityDocument;
  identity_number: string | null;
  identity_matches: Flag | null;
  /** Why the agent admitted although the document did not match (required then). */
  identity_mismatch_reason: string | null;
  /** The typed NINA against the registry's: 'match', 'mismatch', null when nothing to compare. */
  identity_nina_check: 'match' | 'mismatch' | null;
  /** JSON text of the EligibilitySnapshot taken at admission. */
  eligibility: string;
  /** Admitted in an emergency although the registry did not cover the person: their registration request. */
  registration_request_id: number | null;
  /** Why the agent admitted them anyway (required then). */
  unregistered_reason: string | null;
  status: EpisodeStatus;
  opened_at: string;
  opened_by: string;
  /** The clinical end of the episode (discharge day), set on closing. */
  ended_on: string | null;
  closed_at: string | null;
  closed_by: string | null;
  diagnosis: string | null;
  icd10: string | null;
  outcome: Outcome | null;
  updated_at: string;
}

/** A line of care on an episode; a correction is a new line with `cancels_id` and negated quantity and amount. */
export interface PrestationTable {
  id: Generated<number>;
  episode_id: number;
  kind: LineKind;
  tariff_id: number | null;
  medicine_id: number | null;
  code: string;
  label: string;
  category: TariffCategory | null;
  performed_on: string;
  quantity: number;
  unit_price: number;
  amount: number;
  payer: Payer;
  /** The programme the line was charged to when priced (0024): a later list change never moves it. */
  programme_code: string | null;
  prescriber: string;
  cancels_id: number | null;
  reason: string | null;
  /** Why a medicine keyed as an act and off the essential list is billed (0031). */
  off_list_reason: string | null;
  created_at: string;
  created_by: string;
}

export interface EpisodeEventTable {
  id: Generated<number>;
  episode_id: number;
  kind: EpisodeEventKind;
  at: string;
  by_login: string;
  reason: string | null;
  /** JSON text: what the event set (closing fields, diagnosis). */
  detail: string | null;
}

export interface EpisodeTables {
  episode_counter: EpisodeCounterTable;
  episode: EpisodeTable;
  prestation: PrestationTable;
  episode_event: EpisodeEventTable;
}
