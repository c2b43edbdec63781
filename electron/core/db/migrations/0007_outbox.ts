import { sql } from 'kysely';
import type { Migration } from './types';

/**
 * The upload queue to the ANAM: one message per Claim of a signed version (frozen body, its
 * idempotency key), the lease that keeps two workers from sending it at once, and every attempt.
 */
export const m0007Outbox: Migration = {
  name: '0007_outbox',
  async up(db, f) {
    await f
      .addIdColumn(db.schema.createTable('outbox_message'))
      .addColumn('claim_id', 'integer', (c) => c.notNull().references('claim.id'))
      .addColumn('episode_number', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('en_attente', 'livre', 'echec')`))
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'text')
      .addColumn('delivered_at', 'text')
      .addColumn('last_error', 'text')
      .addColumn('response', 'text')
      .execute();
    await db.schema.createIndex('outbox_message_due').on('outbox_message').columns(['status', 'next_attempt_at']).execute();
    await db.schema.createIndex('outbox_message_claim').on('outbox_message').column('claim_id').execute();

    await f
      .addIdColumn(db.schema.createTable('outbox_attempt'))
      .addColumn('message_id', 'integer', (c) => c.notNull().references('outbox_message.id'))
      .addColumn('worker', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text', (c) => c.notNull())
      .addColumn('http_status', 'integer')
      .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('livre', 'doublon', 'echec')`))
      .addColumn('error', 'text')
      .execute();
    await db.schema.createIndex('outbox_attempt_message').on('outbox_attempt').column('message_id').execute();
  },
};
