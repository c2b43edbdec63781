import type { Generated } from 'kysely';
import type { ClaimStatus } from '../../../../shared/domain/claims';

/**
 * One version of a month's claim. A draft (`brouillon`) follows the episodes; sign-off stores the
 * content as canonical JSON with its SHA-256 and never changes it again. A later change makes a
 * new version pointing at the previous one. The outbox consumes versions in status `signee`.
 */
export interface ClaimTable {
  id: Generated<number>;
  /** YYYY-MM. */
  month: string;
  version: number;
  previous_id: number | null;
  /** A resubmission: the signed version whose rejected lines it claims again, corrected (0010). */
  resubmits_id: number | null;
  status: ClaimStatus;
  built_at: string;
  built_by: string;
  episodes: number;
  /** Integer FCFA billed to the RAMED (as built, then as signed). */
  total: number;
  signed_at: string | null;
  signed_by: string | null;
  /** Canonical JSON of the ClaimDocument, set at sign-off. */
  content: string | null;
  sha256: string | null;
  /** Why the version was built on the month's last day rather than after it (0016); null otherwise. */
  early_reason: Generated<string | null>;
}

/** The episodes a version claims; an episode belongs to one month's claims only. */
export interface ClaimEpisodeTable {
  claim_id: number;
  episode_id: number;
}

/** The manager leaves a line or a whole episode out of the claim; a cancellation is a new row. */
export interface ClaimExclusionTable {
  id: Generated<number>;
  episode_id: number;
  /** `source:id` of the line, or null for the whole episode. */
  line_key: string | null;
  reason: string;
  at: string;
  by_login: string;
  cancels_id: number | null;
  /** 1: made by the claim build itself (an emergency out of the registry not regularised in time, or its cancellation) (0029). */
  automatic: Generated<number>;
}

export interface ClaimTables {
  claim: ClaimTable;
  claim_episode: ClaimEpisodeTable;
  claim_exclusion: ClaimExclusionTable;
}
