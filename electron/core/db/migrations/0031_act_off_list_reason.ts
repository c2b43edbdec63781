import type { Migration } from './types';

/**
 * A medicine the tariff list carries as an act (same code as in the medicines list) and that is off
 * the national essential list is keyed for a RAMED patient only with a justification, as at the
 * pharmacy (setting `pharmacy.offListMedicines`): it is kept on the act line for the claim's check.
 */
export const m0031ActOffListReason: Migration = {
  name: '0031_act_off_list_reason',
  async up(db) {
    await db.schema.alterTable('prestation').addColumn('off_list_reason', 'text').execute();
  },
};
