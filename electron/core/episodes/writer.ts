import type { Kysely, Selectable } from 'kysely';
import type { Clock } from '../clock';
import type { DialectFeatures } from '../db/dialect';
import type { Database } from '../db/schema/index';
import type { EpisodeTable } from '../db/schema/episodes';
import { DomainError, notFound } from '../errors';

/** Who changes an episode, when, and through which transaction. */
export interface EpisodeWriter {
  db: Kysely<Database>;
  features: DialectFeatures;
  clock: Clock;
  login: string;
}

/** Runs `work` in the caller's transaction, or in one of its own. */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * Reads an episode under a row lock for the rest of the transaction: two desks changing the same
 * episode (adding a line while another closes it) take turns on PostgreSQL.
 */
export async function lockEpisode(w: EpisodeWriter, id: number): Promise<Selectable<EpisodeTable>> {
  const row = await w.features.forUpdate(w.db.selectFrom('episode').selectAll().where('id', '=', id)).executeTakeFirst();
  if (!row) throw notFound('Épisode introuvable : il a peut-être été saisi sur un autre poste. Rechargez la liste.');
  return row;
}

/** Lines, diagnosis and closing change only while the episode is open: closed, it is frozen for the claim. */
export async function lockOpenEpisode(w: EpisodeWriter, id: number): Promise<Selectable<EpisodeTable>> {
  const row = await lockEpisode(w, id);
  if (row.status !== 'ouvert') {
    throw new DomainError(
      'CONFLICT',
      `L’épisode ${row.number} est clos : il est figé pour la réclamation. Seul le gestionnaire peut le rouvrir.`,
    );
  }
  return row;
}

export async function touchEpisode(w: EpisodeWriter, id: number): Promise<void> {
  await w.db.updateTable('episode').set({ updated_at: w.clock.now().toISOString() }).where('id', '=', id).execute();
}
