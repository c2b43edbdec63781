import type { Migration } from './types';

/**
 * A month's claim is built once the month has ended, or on its last day with a reason: the
 * reason is kept on the version it built, and lets that version be signed on the same day.
 */
export const m0016ClaimPeriod: Migration = {
  name: '0016_claim_period',
  async up(db) {
    await db.schema.alterTable('claim').addColumn('early_reason', 'text').execute();
  },
};
