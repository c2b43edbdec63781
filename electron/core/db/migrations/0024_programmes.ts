import { sql } from 'kysely';
import type { Migration } from './types';

/**
 * Free-care programmes as a reference list versioned like the tariffs, and on each line of care
 * (act or dispensed medicine) the programme it was charged to when priced. The caesarean lines
 * recorded before belong to the caesarean programme, CESAR.
 */
export const m0024Programmes: Migration = {
  name: '0024_programmes',
  async up(db, f) {
    // reference_import's kinds are fixed by a check (0003): the programmes' imports have their own table.
    await f
      .addIdColumn(db.schema.createTable('programme_import'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind = 'programmes'`))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('by_login', 'text', (c) => c.notNull())
      .addColumn('lines', 'integer', (c) => c.notNull())
      .addColumn('inserted', 'integer', (c) => c.notNull())
      .addColumn('closed', 'integer', (c) => c.notNull())
      .execute();
    await f
      .addIdColumn(db.schema.createTable('programme'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('payer', 'text', (c) => c.notNull())
      .addColumn('rank', 'integer', (c) => c.notNull())
      .addColumn('acts', 'text', (c) => c.notNull())
      .addColumn('categories', 'text', (c) => c.notNull())
      .addColumn('medicines', 'text', (c) => c.notNull())
      .addColumn('caesarean', 'integer', (c) => c.notNull())
      .addColumn('patients', 'text', (c) => c.notNull())
      .addColumn('icd10', 'text', (c) => c.notNull())
      .addColumn('effective_from', 'text', (c) => c.notNull())
      .addColumn('effective_to', 'text')
      .addColumn('import_id', 'integer', (c) => c.notNull().references('programme_import.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('programme_version', ['code', 'effective_from'])
      .execute();
    await db.schema.alterTable('prestation').addColumn('programme_code', 'text').execute();
    await db.schema.alterTable('dispensation').addColumn('programme_code', 'text').execute();
    await db.updateTable('prestation').set({ programme_code: 'CESAR' }).where('payer', '=', 'programme_cesarienne').execute();
    // What a programme's monthly statement reads.
    await db.schema.createIndex('prestation_programme').on('prestation').columns(['programme_code', 'episode_id']).execute();
    await db.schema.createIndex('dispensation_programme').on('dispensation').columns(['programme_code', 'episode_id']).execute();
  },
};
