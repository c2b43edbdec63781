import type { Migration } from './types';

/**
 * Reference lists are signed by the ANAM like the registry: each import keeps what the signature
 * check found, and the warning when an unsigned list was accepted by the facility's setting.
 * Earlier imports keep null (not checked then).
 */
export const m0026ReferenceSignature: Migration = {
  name: '0026_reference_signature',
  async up(db) {
    for (const table of ['reference_import', 'plausibility_import', 'programme_import']) {
      await db.schema.alterTable(table).addColumn('signature', 'text').execute();
      await db.schema.alterTable(table).addColumn('warning', 'text').execute();
    }
  },
};
