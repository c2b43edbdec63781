import type { Kysely } from 'kysely';
import { claimStatusOf } from '../../../shared/claim-adjudication';
import type { Database } from '../db/schema/index';
import { claimMoney, emptyMoney } from './totals';

/**
 * Sets a signed version's status from its messages, answers and payments (the column is what the
 * lists read; the rows it derives from are the record). Call it with the claim's row locked.
 */
export async function refreshClaimStatus(db: Kysely<Database>, claimId: number): Promise<void> {
  const money = (await claimMoney(db, [claimId])).get(claimId) ?? emptyMoney();
  const { messages, delivered } = money.sending;
  const status = claimStatusOf({ allDelivered: messages > 0 && delivered === messages, totals: money.totals, paid: money.paid });
  await db.updateTable('claim').set({ status }).where('id', '=', claimId).where('status', '<>', 'brouillon').execute();
}
