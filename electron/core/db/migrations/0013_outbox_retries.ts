import type { Migration } from './types';

/**
 * A manager puts an abandoned message back in the queue: each requeue is a row (who, when, why,
 * and how the series it closes ended), and the message remembers where its current series of
 * attempts began, so its attempts keep counting from the first while the backoff and the cap
 * start over.
 */
export const m0013OutboxRetries: Migration = {
  name: '0013_outbox_retries',
  async up(db, f) {
    await db.schema
      .alterTable('outbox_message')
      .addColumn('series_start', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await f
      .addIdColumn(db.schema.createTable('outbox_retry'))
      .addColumn('message_id', 'integer', (c) => c.notNull().references('outbox_message.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('by_login', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('attempts_before', 'integer', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .execute();
    await db.schema.createIndex('outbox_retry_message').on('outbox_retry').column('message_id').execute();
  },
};
