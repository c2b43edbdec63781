import { sql } from 'kysely';
import type { Migration } from './types';

/**
 * The médecin conseil's plausibility rules, a reference list versioned like the tariffs: per act
 * or medicine code, the sex and ages it is billed for, how often for one patient, and the most
 * per day of stay. A new version ends the previous one's period; none is ever deleted.
 */
export const m0017PlausibilityRules: Migration = {
  name: '0017_plausibility_rules',
  async up(db, f) {
    // reference_import's kinds are fixed by a check (0003): the rules' imports have their own table.
    await f
      .addIdColumn(db.schema.createTable('plausibility_import'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind = 'controles'`))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('by_login', 'text', (c) => c.notNull())
      .addColumn('lines', 'integer', (c) => c.notNull())
      .addColumn('inserted', 'integer', (c) => c.notNull())
      .addColumn('closed', 'integer', (c) => c.notNull())
      .execute();
    await f
      .addIdColumn(db.schema.createTable('plausibility_rule'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('sex', 'text', (c) => c.check(sql`sex in ('F', 'M')`))
      .addColumn('age_min', 'integer')
      .addColumn('age_max', 'integer')
      .addColumn('min_days_between', 'integer')
      .addColumn('max_per_period', 'integer')
      .addColumn('period_days', 'integer')
      .addColumn('per_day', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_per_day', 'integer')
      .addColumn('effective_from', 'text', (c) => c.notNull())
      .addColumn('effective_to', 'text')
      .addColumn('import_id', 'integer', (c) => c.notNull().references('plausibility_import.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('plausibility_rule_version', ['code', 'effective_from'])
      .execute();
  },
};
