import { sql } from 'kysely';
import type { Migration } from './types';

/**
 * The live link with the ANAM. A message remembers the id the ANAM's server gave its Claim
 * (`remote_id`, from `response.location` or the answer's `request.reference`) and, once held but
 * not yet decided, when to ask for its ClaimResponse (`next_poll_at`). Messages delivered before
 * without an answer (a 409 after a lost answer) are asked about from now on. `anam_pull` keeps
 * what was pulled from the ANAM (registry deltas by sequence, tariff and medicine lists).
 */
export const m0018AnamLink: Migration = {
  name: '0018_anam_link',
  async up(db, f) {
    await db.schema.alterTable('outbox_message').addColumn('remote_id', 'text').execute();
    await db.schema.alterTable('outbox_message').addColumn('next_poll_at', 'text').execute();
    await db
      .updateTable('outbox_message')
      .set({ next_poll_at: sql`delivered_at` })
      .where('status', '=', 'livre')
      .where('delivered_at', 'is not', null)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('claim_response').select('id').whereRef('claim_response.message_id', '=', 'outbox_message.id'))),
      )
      .execute();
    await db.schema.createIndex('outbox_message_next_poll').on('outbox_message').column('next_poll_at').execute();
    await f
      .addIdColumn(db.schema.createTable('anam_pull'))
      .addColumn('list', 'text', (c) => c.notNull())
      .addColumn('sequence', 'integer')
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('by_login', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('error', 'text')
      .execute();
    await db.schema.createIndex('anam_pull_list').on('anam_pull').columns(['list', 'status']).execute();
  },
};
