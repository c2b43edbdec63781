import type { Migration } from './types';

/**
 * A medicine off the national essential list is dispensed to a RAMED patient only with a
 * justification (setting `pharmacy.offListMedicines`): it is kept on the dispensing line, for the
 * episode and the claim's check.
 */
export const m0022OffListReason: Migration = {
  name: '0022_off_list_reason',
  async up(db) {
    await db.schema.alterTable('dispensation').addColumn('off_list_reason', 'text').execute();
  },
};
