import type { Generated } from 'kysely';

export type OutboxStatus = 'en_attente' | 'livre' | 'echec';

/**
 * One Claim (one episode of a signed version) to upload. The body is frozen at sign-off; the
 * lease (owner, until) is taken in one conditional update so only one worker sends it at a time,
 * and expires so a killed worker's message is taken over.
 */
export interface OutboxMessageTable {
  id: Generated<number>;
  claim_id: number;
  episode_number: string;
  /** Sent as the `Idempotency-Key` header; also in `Claim.identifier`. */
  idempotency_key: string;
  /** The FHIR transaction Bundle, as JSON. */
  body: string;
  status: OutboxStatus;
  attempts: number;
  created_at: string;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  delivered_at: string | null;
  /** French message of the last failed attempt. */
  last_error: string | null;
  /** The ClaimResponse received, as JSON. */
  response: string | null;
  /** Last written to a folder for a USB key (still awaiting the ANAM's answer; the network may send it too). */
  exported_at: string | null;
  /**
   * The newer version of the month signed before this message left: the message is then `echec`
   * and never sent (its `last_error` says by which version it was replaced).
   */
  superseded_by: number | null;
  /** `attempts` when the current series began (0, or when a manager last put it back in the queue). */
  series_start: Generated<number>;
  /** The id the ANAM's server gave the Claim (`Claim/<id>`), once known. */
  remote_id: string | null;
  /** Delivered but not decided: when to ask the ANAM for its ClaimResponse next (null: nothing to ask). */
  next_poll_at: string | null;
}

/** Which claim line each item of the message's Claim bills (`sequence` is `Claim.item.sequence`). */
export interface OutboxItemTable {
  message_id: number;
  sequence: number;
  line_key: string;
  amount: number;
}

/** A folder of messages written for a USB key, with the SHA-256 of its manifest. */
export interface OutboxExportTable {
  id: Generated<number>;
  at: string;
  by_login: string;
  folder: string;
  messages: number;
  manifest_sha256: string;
}

export interface OutboxAttemptTable {
  id: Generated<number>;
  message_id: number;
  worker: string;
  started_at: string;
  finished_at: string;
  http_status: number | null;
  outcome: 'livre' | 'doublon' | 'echec';
  error: string | null;
}

/** A manager put an abandoned (`echec`) message back in the queue: a new series of attempts. */
export interface OutboxRetryTable {
  id: Generated<number>;
  message_id: number;
  at: string;
  by_login: string;
  reason: string;
  /** The message's attempts when it was put back (those of every earlier series). */
  attempts_before: number;
  /** The error it was abandoned on. */
  last_error: string | null;
}

/** A list pulled from the ANAM: a registry delta (with its sequence), the tariff list or the medicine list. */
export interface AnamPullTable {
  id: Generated<number>;
  list: 'registre' | 'tarifs' | 'medicaments';
  sequence: number | null;
  file_name: string;
  sha256: string;
  bytes: number;
  at: string;
  by_login: string;
  /** `applique`: imported; `refuse`: the import or the checks refused it (`error` says why). */
  status: 'applique' | 'refuse';
  error: string | null;
}

export interface OutboxTables {
  outbox_message: OutboxMessageTable;
  outbox_attempt: OutboxAttemptTable;
  outbox_item: OutboxItemTable;
  outbox_export: OutboxExportTable;
  outbox_retry: OutboxRetryTable;
  anam_pull: AnamPullTable;
}
