import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/index';
import { newestResponseLines } from './newest';

/** The decision per line of the newest answer to each Claim of a version. */
export async function currentDecisions(db: Kysely<Database>, claimId: number) {
  const rows = await newestResponseLines(db)
    .where('outbox_message.claim_id', '=', claimId)
    .select([
      'outbox_message.episode_number',
      'claim_response_line.line_key',
      'claim_response_line.status',
      'claim_response_line.claimed',
      'claim_response_line.accepted',
      'claim_response_line.reason_code',
      'claim_response_line.reason_text',
      'claim_response.received_at',
    ])
    .execute();
  return rows.map((r) => ({ ...r, claimed: Number(r.claimed), accepted: Number(r.accepted) }));
}

export type CurrentDecision = Awaited<ReturnType<typeof currentDecisions>>[number];
