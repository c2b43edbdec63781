import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/index';

/** The decision per line of the newest answer to each Claim of a version. */
export async function currentDecisions(db: Kysely<Database>, claimId: number) {
  const rows = await db
    .selectFrom('claim_response_line')
    .innerJoin('claim_response', 'claim_response.id', 'claim_response_line.response_id')
    .innerJoin('outbox_message', 'outbox_message.id', 'claim_response.message_id')
    .where('outbox_message.claim_id', '=', claimId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('claim_response as newer')
            .select('newer.id')
            .whereRef('newer.message_id', '=', 'claim_response.message_id')
            .whereRef('newer.id', '>', 'claim_response.id'),
        ),
      ),
    )
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
