import type { Kysely } from 'kysely';
import { claimStatusOf } from '../../../shared/rules/claim-adjudication';
import type { Database } from '../db/schema/index';
import { claimMoney, emptyMoney } from './totals';

/**
 * Sets a signed version's status from its messages, answers and payments (the column is what the
 * lists read; the rows it derives from are the record). Call it with the claim's row locked.
 */
export async function refreshClaimStatus(db: Kysely<Database>, claimId: number): Promise<void> {
  // Cheap while Claims are still on their way (each send calls this): nothing is answered in full yet.
  const waiting = await db
    .selectFrom('outbox_message')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('claim_id', '=', claimId)
    .where('status', '<>', 'livre')
    .executeTakeFirstOrThrow();
  const money = Number(waiting.n) > 0 ? null : ((await claimMoney(db, [claimId])).get(claimId) ?? emptyMoney());
  const status = money ? claimStatusOf({ allDelivered: money.sending.messages > 0, totals: money.totals, paid: money.paid }) : 'signee';
  await db.updateTable('claim').set({ status }).where('id', '=', claimId).where('status', '<>', 'brouillon').execute();
}
