import type { Migration } from './types';

/** The ANAM registry held locally: one row per registered person (titulaire, ayant droit, admis de droit). */
export const m0002Registry: Migration = {
  name: '0002_registry',
  async up(db, f) {
    await f
      .addIdColumn(db.schema.createTable('registry_import'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('signature', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('by_login', 'text', (c) => c.notNull())
      .addColumn('inserted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('struck_off', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await f
      .addIdColumn(db.schema.createTable('person'))
      .addColumn('recepisse', 'text', (c) => c.notNull().unique())
      .addColumn('family_name', 'text', (c) => c.notNull())
      .addColumn('given_names', 'text', (c) => c.notNull())
      .addColumn('sex', 'text', (c) => c.notNull())
      .addColumn('birth_date', 'text', (c) => c.notNull())
      .addColumn('birth_year_only', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('quality', 'text', (c) => c.notNull())
      .addColumn('holder_recepisse', 'text')
      .addColumn('category', 'text')
      .addColumn('in_school', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('valid_from', 'text')
      .addColumn('valid_to', 'text')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('actif'))
      .addColumn('status_changed_at', 'text')
      .addColumn('nina', 'text')
      .addColumn('commune_code', 'text')
      .addColumn('commune', 'text')
      .addColumn('phone', 'text')
      .addColumn('import_id', 'integer', (c) => c.references('registry_import.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('person_holder').on('person').column('holder_recepisse').execute();
    await db.schema.createIndex('person_nina').on('person').column('nina').execute();
  },
};
