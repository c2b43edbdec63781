import type { Generated } from 'kysely';
import type { Flag } from './system';

/** Every eligibility check and admission decision at the desk, for the refusal and identity statistics. */
export interface ReceptionCheckTable {
  id: Generated<number>;
  at: string;
  /** YYYY-MM-DD (Bamako), to count by day. */
  day: string;
  by_login: string;
  kind: 'verification' | 'admission';
  recepisse: string;
  person_id: number | null;
  eligible: Flag;
  /** verification: 'eligible' | 'non_eligible'; admission: 'admis' | 'refuse'. */
  outcome: 'eligible' | 'non_eligible' | 'admis' | 'refuse';
  /** JSON array of warning codes. */
  warnings: string;
  identity_document: string | null;
  identity_matches: Flag | null;
  episode_id: number | null;
}

/** One row per refusal reason of a check, so refusals count by reason in plain SQL. */
export interface ReceptionCheckReasonTable {
  id: Generated<number>;
  check_id: number;
  code: string;
}

/** A person the registry does not cover, recorded at the desk for the social services (never deleted). */
export interface RegistrationRequestTable {
  id: Generated<number>;
  family_name: string;
  given_names: string;
  sex: 'F' | 'M';
  /** YYYY-MM-DD; for a birth year alone, YYYY-01-01 with birth_year_only = 1. */
  birth_date: string;
  birth_year_only: Flag;
  commune: string;
  phone: string | null;
  /** YYYY-MM-DD: the day of the request at the desk. */
  requested_on: string;
  /** The récépissé the person showed, if any. */
  recepisse: string | null;
  /** What the registry said of that récépissé (a ReasonCode such as NOT_FOUND or EXPIRED), if one was given. */
  registry_reason: string | null;
  by_login: string;
  created_at: string;
}

export interface ReceptionTables {
  reception_check: ReceptionCheckTable;
  reception_check_reason: ReceptionCheckReasonTable;
  registration_request: RegistrationRequestTable;
}
