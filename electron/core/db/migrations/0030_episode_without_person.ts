import type { Migration } from './types';

/**
 * An emergency admitted although the registry holds no row at all for the person: the episode
 * points at their registration request and has no person until a registry import brings the
 * récépissé; the day the person was linked is recorded (`person_linked_at`, null for every
 * episode opened on a registry person). SQLite rebuilds the table to drop the NOT NULL.
 */
export const m0030EpisodeWithoutPerson: Migration = {
  name: '0030_episode_without_person',
  async up(db, features) {
    await db.schema.alterTable('episode').addColumn('person_linked_at', 'text').execute();
    await features.dropNotNull(db, 'episode', 'person_id');
  },
};
