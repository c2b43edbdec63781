import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema/index';
import type { EpisodeTable } from '../db/schema/episodes';
import { DomainError, notFound } from '../errors';
import type { ServiceContext } from '../context';

/** Runs `work` in the caller's transaction, or in one of its own. */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * Reads an episode under a row lock for the rest of the transaction: two desks changing the same
 * episode (adding a line while another closes it) take turns on PostgreSQL.
 */
export async function lockEpisode(ctx: ServiceContext, id: number): Promise<Selectable<EpisodeTable>> {
  const row = await ctx.features.forUpdate(ctx.db.selectFrom('episode').selectAll().where('id', '=', id)).executeTakeFirst();
  if (!row) throw notFound('Épisode introuvable : il a peut-être été saisi sur un autre poste. Rechargez la liste.');
  return row;
}

/** Lines, diagnosis and closing change only while the episode is open: closed, it is frozen for the claim. */
export async function lockOpenEpisode(ctx: ServiceContext, id: number): Promise<Selectable<EpisodeTable>> {
  const row = await lockEpisode(ctx, id);
  if (row.status !== 'ouvert') {
    throw new DomainError(
      'CONFLICT',
      `L’épisode ${row.number} est clos : il est figé pour la réclamation. Seul le gestionnaire peut le rouvrir.`,
    );
  }
  return row;
}

export async function touchEpisode(ctx: ServiceContext, id: number): Promise<void> {
  await ctx.db.updateTable('episode').set({ updated_at: ctx.clock.now().toISOString() }).where('id', '=', id).execute();
}
