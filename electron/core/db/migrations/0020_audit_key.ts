import type { Migration } from './types';

/**
 * The audit chain is sealed with a key kept outside the database: the head records which key
 * (`key_id`, a fingerprint), from which row the rows are keyed (`anchor_seq`: 0 when all are;
 * the rows up to it were chained with plain SHA-256 before), and its own MAC, so that moving
 * the head or emptying the log shows. The core anchors the chain right after this migration.
 */
export const m0020AuditKey: Migration = {
  name: '0020_audit_key',
  async up(db) {
    await db.schema.alterTable('audit_head').addColumn('key_id', 'text').execute();
    await db.schema.alterTable('audit_head').addColumn('anchor_seq', 'integer').execute();
    await db.schema.alterTable('audit_head').addColumn('mac', 'text').execute();
  },
};
