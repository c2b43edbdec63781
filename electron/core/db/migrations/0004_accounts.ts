import type { Migration } from './types';

/** Accounts: a per-user session version (a reset ends open sessions) and indexes for the audit screen's filters. */
export const m0004Accounts: Migration = {
  name: '0004_accounts',
  async up(db) {
    await db.schema
      .alterTable('app_user')
      .addColumn('session_version', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_login', 'seq']).execute();
    await db.schema.createIndex('audit_log_method').on('audit_log').columns(['method', 'seq']).execute();
  },
};
