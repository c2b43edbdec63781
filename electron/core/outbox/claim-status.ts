import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/index';

/** A signed version becomes `envoyee` once every one of its Claims has reached the ANAM. */
export async function markClaimSent(db: Kysely<Database>, claimId: number): Promise<void> {
  const waiting = await db
    .selectFrom('outbox_message')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('claim_id', '=', claimId)
    .where('status', '<>', 'livre')
    .executeTakeFirstOrThrow();
  if (Number(waiting.n) > 0) return;
  await db.updateTable('claim').set({ status: 'envoyee' }).where('id', '=', claimId).where('status', '=', 'signee').execute();
}
