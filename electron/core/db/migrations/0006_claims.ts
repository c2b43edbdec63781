import { sql } from 'kysely';
import type { Migration } from './types';

/** Monthly claims: versions (frozen at sign-off), the episodes each claims, and exclusions (append-only). */
export const m0006Claims: Migration = {
  name: '0006_claims',
  async up(db, f) {
    await f
      .addIdColumn(db.schema.createTable('claim'))
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
      .addColumn('previous_id', 'integer', (c) => c.references('claim.id').unique())
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .check(sql`status in ('brouillon', 'signee', 'en_file', 'envoyee', 'acceptee', 'partiellement_rejetee', 'rejetee', 'payee')`),
      )
      .addColumn('built_at', 'text', (c) => c.notNull())
      .addColumn('built_by', 'text', (c) => c.notNull())
      .addColumn('episodes', 'integer', (c) => c.notNull())
      .addColumn('total', f.bigint, (c) => c.notNull())
      .addColumn('signed_at', 'text')
      .addColumn('signed_by', 'text')
      .addColumn('content', 'text')
      .addColumn('sha256', 'text')
      .addUniqueConstraint('claim_month_version', ['month', 'version'])
      .addCheckConstraint('claim_signed', sql`(status = 'brouillon') = (content is null) and (content is null) = (sha256 is null)`)
      .execute();

    await db.schema
      .createTable('claim_episode')
      .addColumn('claim_id', 'integer', (c) => c.notNull().references('claim.id'))
      .addColumn('episode_id', 'integer', (c) => c.notNull().references('episode.id'))
      .addPrimaryKeyConstraint('claim_episode_pk', ['claim_id', 'episode_id'])
      .execute();
    await db.schema.createIndex('claim_episode_episode').on('claim_episode').column('episode_id').execute();

    await f
      .addIdColumn(db.schema.createTable('claim_exclusion'))
      .addColumn('episode_id', 'integer', (c) => c.notNull().references('episode.id'))
      .addColumn('line_key', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('by_login', 'text', (c) => c.notNull())
      .addColumn('cancels_id', 'integer', (c) => c.references('claim_exclusion.id').unique())
      .execute();
    await db.schema.createIndex('claim_exclusion_episode').on('claim_exclusion').column('episode_id').execute();
  },
};
