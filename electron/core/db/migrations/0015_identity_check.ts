import type { Migration } from './types';

/**
 * Identity checked for real at admission: why the agent admitted although the document did not
 * match, and what comparing the typed NINA with the registry's said. Older episodes keep null.
 */
export const m0015IdentityCheck: Migration = {
  name: '0015_identity_check',
  async up(db) {
    await db.schema.alterTable('episode').addColumn('identity_mismatch_reason', 'text').execute();
    await db.schema.alterTable('episode').addColumn('identity_nina_check', 'text').execute();
  },
};
