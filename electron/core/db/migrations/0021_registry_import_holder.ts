import type { Migration } from './types';

/**
 * Which process runs an import (« host:pid »): a workstation can then tell at once that the
 * import it finds « running » was its own and died, instead of waiting for the heartbeat to age.
 */
export const m0021RegistryImportHolder: Migration = {
  name: '0021_registry_import_holder',
  async up(db) {
    await db.schema.alterTable('registry_import').addColumn('holder', 'text').execute();
  },
};
