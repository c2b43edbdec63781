import { sql } from 'kysely';
import type { Migration } from './types';

/**
 * Pharmacy: stock batches, the stock ledger every quantity is derived from, dispensed lines on
 * episodes (read by the monthly claim), unmet demand and reorder thresholds. Rows are only ever
 * appended; the one exception is `stock_batch.quantity`, a cached balance changed in the same
 * transaction as its ledger entry (it carries the row lock and the conditional update that stop
 * two pharmacists from giving the same last units).
 */
export const m0005Pharmacy: Migration = {
  name: '0005_pharmacy',
  async up(db, f) {
    await f
      .addIdColumn(db.schema.createTable('stock_batch'))
      .addColumn('medicine_code', 'text', (c) => c.notNull())
      .addColumn('lot', 'text', (c) => c.notNull())
      .addColumn('expiry', 'text', (c) => c.notNull())
      .addColumn('unit_cost', 'integer', (c) => c.notNull().check(sql`unit_cost >= 0`))
      .addColumn('supplier', 'text', (c) => c.notNull())
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity >= 0`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('stock_batch_medicine').on('stock_batch').columns(['medicine_code', 'expiry']).execute();

    await f
      .addIdColumn(db.schema.createTable('dispensation'))
      .addColumn('episode_id', 'integer', (c) => c.notNull().references('episode.id'))
      .addColumn('medicine_id', 'integer', (c) => c.notNull().references('medicine.id'))
      .addColumn('medicine_code', 'text', (c) => c.notNull())
      .addColumn('dci', 'text', (c) => c.notNull())
      .addColumn('form', 'text', (c) => c.notNull())
      .addColumn('strength', 'text', (c) => c.notNull())
      .addColumn('quantity', 'integer', (c) => c.notNull())
      .addColumn('unit_price', 'integer', (c) => c.notNull())
      .addColumn('amount', 'integer', (c) => c.notNull())
      .addColumn('dispensed_at', 'text', (c) => c.notNull())
      .addColumn('dispensed_by', 'text', (c) => c.notNull())
      .addColumn('prescriber', 'text', (c) => c.notNull())
      .addColumn('batch_id', 'integer', (c) => c.notNull().references('stock_batch.id'))
      .addColumn('override_reason', 'text')
      .addColumn('cancels_id', 'integer', (c) => c.references('dispensation.id').unique())
      .addColumn('cancel_reason', 'text')
      .addCheckConstraint(
        'dispensation_sign',
        sql`(cancels_id is null and quantity > 0 and cancel_reason is null) or (cancels_id is not null and quantity < 0 and cancel_reason is not null)`,
      )
      .execute();
    await db.schema.createIndex('dispensation_episode').on('dispensation').column('episode_id').execute();

    await f
      .addIdColumn(db.schema.createTable('stock_movement'))
      .addColumn('batch_id', 'integer', (c) => c.notNull().references('stock_batch.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('reception', 'inventaire', 'ajustement', 'dispensation', 'retour')`))
      .addColumn('quantity', 'integer', (c) => c.notNull())
      .addColumn('balance', 'integer', (c) => c.notNull().check(sql`balance >= 0`))
      .addColumn('reason', 'text')
      .addColumn('dispensation_id', 'integer', (c) => c.references('dispensation.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('by_login', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('stock_movement_batch').on('stock_movement').columns(['batch_id', 'id']).execute();
    await db.schema.createIndex('stock_movement_at').on('stock_movement').column('at').execute();

    await f
      .addIdColumn(db.schema.createTable('unmet_demand'))
      .addColumn('episode_id', 'integer', (c) => c.notNull().references('episode.id'))
      .addColumn('medicine_code', 'text', (c) => c.notNull())
      .addColumn('dci', 'text', (c) => c.notNull())
      .addColumn('requested', 'integer', (c) => c.notNull().check(sql`requested > 0`))
      .addColumn('unmet', 'integer', (c) => c.notNull().check(sql`unmet > 0 and unmet <= requested`))
      .addColumn('prescriber', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('unmet_demand_at').on('unmet_demand').columns(['recorded_at', 'medicine_code']).execute();

    // A new threshold is a new row; the latest one per medicine is in force.
    await f
      .addIdColumn(db.schema.createTable('stock_threshold'))
      .addColumn('medicine_code', 'text', (c) => c.notNull())
      .addColumn('threshold', 'integer', (c) => c.notNull().check(sql`threshold >= 0`))
      .addColumn('set_at', 'text', (c) => c.notNull())
      .addColumn('set_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('stock_threshold_medicine').on('stock_threshold').columns(['medicine_code', 'id']).execute();
  },
};
