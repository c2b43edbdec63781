import type { Migration } from './types';

/**
 * Persons the registry does not cover (absent or expired), recorded at the desk as requests for
 * registration for the social services; and the episodes admitted in an emergency although not
 * covered, which must be regularised before they can be claimed. Older episodes keep null.
 */
export const m0027RegistrationRequests: Migration = {
  name: '0027_registration_requests',
  async up(db, features) {
    await features
      .addIdColumn(db.schema.createTable('registration_request'))
      .addColumn('family_name', 'text', (c) => c.notNull())
      .addColumn('given_names', 'text', (c) => c.notNull())
      .addColumn('sex', 'text', (c) => c.notNull())
      .addColumn('birth_date', 'text', (c) => c.notNull())
      .addColumn('birth_year_only', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('commune', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('requested_on', 'text', (c) => c.notNull())
      .addColumn('recepisse', 'text')
      .addColumn('registry_reason', 'text')
      .addColumn('by_login', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('registration_request_on').on('registration_request').columns(['requested_on', 'id']).execute();
    await db.schema.alterTable('episode').addColumn('registration_request_id', 'integer').execute();
    await db.schema.alterTable('episode').addColumn('unregistered_reason', 'text').execute();
  },
};
