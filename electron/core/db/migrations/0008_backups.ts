import type { Migration } from './types';

/** Each backup attempt (manual, automatic, command line), kept so the screen and the scheduler know the last one. */
export const m0008Backups: Migration = {
  name: '0008_backups',
  async up(db, f) {
    await f
      .addIdColumn(db.schema.createTable('backup_run'))
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text', (c) => c.notNull())
      .addColumn('by_login', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('file', 'text')
      .addColumn('size', f.bigint)
      .addColumn('sha256', 'text')
      .addColumn('schema_version', 'text')
      .addColumn('message', 'text')
      .execute();
    await db.schema.createIndex('backup_run_finished').on('backup_run').columns(['outcome', 'finished_at']).execute();
  },
};
