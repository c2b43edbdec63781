import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/index';

/**
 * The lines of the newest answer to each outbox message, joined to their message: an answer
 * imported again, or a later one, replaces the earlier for every figure read from it.
 */
export function newestResponseLines(db: Kysely<Database>) {
  return db
    .selectFrom('claim_response_line')
    .innerJoin('claim_response', 'claim_response.id', 'claim_response_line.response_id')
    .innerJoin('outbox_message', 'outbox_message.id', 'claim_response.message_id')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('claim_response as newer')
            .select('newer.id')
            .whereRef('newer.message_id', '=', 'claim_response.message_id')
            .whereRef('newer.id', '>', 'claim_response.id'),
        ),
      ),
    );
}
