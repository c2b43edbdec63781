import { sql } from 'kysely';
import type { Migration } from './types';

/** The history of the monthly figures posted to the district's DHIS2, each with its import summary. */
export const m0019Dhis2Sends: Migration = {
  name: '0019_dhis2_sends',
  async up(db, f) {
    await f
      .addIdColumn(db.schema.createTable('dhis2_send'))
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('org_unit', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .addColumn('by_login', 'text', (c) => c.notNull())
      .addColumn('dry_run', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('http_status', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('SUCCESS', 'WARNING', 'ERROR')`))
      .addColumn('imported', 'integer', (c) => c.notNull())
      .addColumn('updated', 'integer', (c) => c.notNull())
      .addColumn('ignored', 'integer', (c) => c.notNull())
      .addColumn('deleted', 'integer', (c) => c.notNull())
      .addColumn('conflicts', 'text', (c) => c.notNull())
      .addColumn('values_sent', 'integer', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('dhis2_send_month').on('dhis2_send').columns(['month', 'sent_at']).execute();
  },
};
