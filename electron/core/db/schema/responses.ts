import type { Generated } from 'kysely';
import type { LineDecisionStatus } from '../../../../shared/domain/claim-responses';

/**
 * A ClaimResponse of the ANAM for one message, as received (by the send, or in a file), with the
 * SHA-256 of its canonical JSON: the same answer twice is one row. A different later answer is a
 * new row and the newest applies; nothing is edited.
 */
export interface ClaimResponseTable {
  id: Generated<number>;
  message_id: number;
  received_at: string;
  source: 'envoi' | 'fichier';
  /** The imported file's name (for a file). */
  file_name: string | null;
  /** The worker that sent, or the user who imported. */
  by_login: string;
  sha256: string;
  outcome: string;
  disposition: string | null;
  /** The ClaimResponse, canonical JSON. */
  body: string;
}

/** The decision on one line of the Claim: accepted, accepted with an adjusted amount, or rejected with a reason. */
export interface ClaimResponseLineTable {
  response_id: number;
  sequence: number;
  line_key: string;
  status: LineDecisionStatus;
  claimed: number;
  accepted: number;
  reason_code: string | null;
  reason_text: string | null;
}

export interface ResponseTables {
  claim_response: ClaimResponseTable;
  claim_response_line: ClaimResponseLineTable;
}
