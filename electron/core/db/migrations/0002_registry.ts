import { sql } from 'kysely';
import type { Migration } from './types';

/**
 * The ANAM registry held locally: one row per registered person (titulaire, ayant droit, admis
 * de droit), the previous versions of changed persons, the import history with its rejected
 * lines, and the name search index.
 */
export const m0002Registry: Migration = {
  name: '0002_registry',
  async up(db, f) {
    await f
      .addIdColumn(db.schema.createTable('registry_import'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('full', 'delta')`))
      .addColumn('strict', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('signature', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('phase', 'text', (c) => c.notNull().defaultTo('checking'))
      .addColumn('message', 'text')
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('heartbeat_at', 'text')
      .addColumn('by_login', 'text', (c) => c.notNull())
      .addColumn('lines_total', 'integer')
      .addColumn('lines_done', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('strike_after_id', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('inserted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('struck_off', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('warnings', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.schema.createIndex('registry_import_sha256').on('registry_import').columns(['sha256', 'status']).execute();
    // One import at a time, even from two workstations starting at the same instant.
    await db.schema
      .createIndex('registry_import_one_running')
      .unique()
      .on('registry_import')
      .column('status')
      .where(sql.ref('status'), '=', 'running')
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
    await f.nameSearch.install(db);

    // A changed person's previous version, and the import that replaced it.
    await f
      .addIdColumn(db.schema.createTable('person_history'))
      .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
      .addColumn('import_id', 'integer', (c) => c.notNull().references('registry_import.id'))
      .addColumn('replaced_at', 'text', (c) => c.notNull())
      .addColumn('changed', 'text', (c) => c.notNull())
      .addColumn('previous', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('person_history_person').on('person_history').column('person_id').execute();

    await f
      .addIdColumn(db.schema.createTable('registry_import_rejection'))
      .addColumn('import_id', 'integer', (c) => c.notNull().references('registry_import.id'))
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('registry_import_rejection_line').on('registry_import_rejection').columns(['import_id', 'line']).execute();

    // Scratch list of the récépissés an import has met so far (duplicates in the file, absents
    // of a full import) kept in the database so memory stays bounded; emptied when it ends.
    await db.schema
      .createTable('registry_import_seen')
      .addColumn('import_id', 'integer', (c) => c.notNull())
      .addColumn('recepisse', 'text', (c) => c.notNull())
      .addColumn('line', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('registry_import_seen_pk', ['import_id', 'recepisse'])
      .execute();
  },
};
