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

export interface ReceptionTables {
  reception_check: ReceptionCheckTable;
  reception_check_reason: ReceptionCheckReasonTable;
}
