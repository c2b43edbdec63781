import { sql } from 'kysely';
import type { Migration } from './types';

/**
 * The registry as a history: each version of a person carries the day it took effect, so the
 * desk and the claim answer « as of » a date; each import records the extract date and sequence
 * number its file declares, so updates apply in order.
 *
 * Existing versions get the day they were written: the current version of a person who has
 * history took effect when its import wrote it, each older version when the one before it was
 * replaced; the oldest known version (null) holds for every earlier day.
 */
export const m0014RegistryTimeline: Migration = {
  name: '0014_registry_timeline',
  async up(db) {
    await db.schema.alterTable('person').addColumn('effective_from', 'text').execute();
    await db.schema.alterTable('person_history').addColumn('effective_from', 'text').execute();
    await db.schema.alterTable('registry_import').addColumn('extract_date', 'text').execute();
    await db.schema.alterTable('registry_import').addColumn('sequence', 'integer').execute();
    await sql`update person set effective_from = substr(updated_at, 1, 10)
      where exists (select 1 from person_history h where h.person_id = person.id)`.execute(db);
    await sql`update person_history set effective_from = (
        select substr(p.replaced_at, 1, 10) from person_history p
        where p.person_id = person_history.person_id and p.id < person_history.id
        order by p.id desc limit 1)`.execute(db);
  },
};
