import type { Migration } from './types';

/**
 * Exclusions the claim build makes by itself (an emergency out of the registry not regularised in
 * time), and their cancellations once regularised, told apart from the manager's. Older rows are
 * the manager's: 0.
 */
export const m0029AutomaticExclusions: Migration = {
  name: '0029_automatic_exclusions',
  async up(db) {
    await db.schema
      .alterTable('claim_exclusion')
      .addColumn('automatic', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
