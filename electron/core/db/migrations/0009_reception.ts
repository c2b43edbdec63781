import type { Migration } from './types';

/** The desk's checks and admission decisions, with their refusal reasons. */
export const m0009Reception: Migration = {
  name: '0009_reception',
  async up(db, f) {
    await f
      .addIdColumn(db.schema.createTable('reception_check'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('by_login', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('recepisse', 'text', (c) => c.notNull())
      .addColumn('person_id', 'integer', (c) => c.references('person.id'))
      .addColumn('eligible', 'integer', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('warnings', 'text', (c) => c.notNull())
      .addColumn('identity_document', 'text')
      .addColumn('identity_matches', 'integer')
      .addColumn('episode_id', 'integer', (c) => c.references('episode.id'))
      .execute();
    await db.schema.createIndex('reception_check_day').on('reception_check').columns(['day', 'kind']).execute();
    await f
      .addIdColumn(db.schema.createTable('reception_check_reason'))
      .addColumn('check_id', 'integer', (c) => c.notNull().references('reception_check.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('reception_check_reason_check').on('reception_check_reason').column('check_id').execute();
  },
};
