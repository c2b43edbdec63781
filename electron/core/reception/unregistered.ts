import type { Kysely } from 'kysely';
import type { UnregisteredAdmission } from '../../../shared/domain/episodes';
import { regularisationDeadline } from '../../../shared/rules/regularisation';
import type { Database } from '../db/schema/index';
import { getSetting } from '../settings/settings';

/** The episode's emergency admission out of the registry, or null for an ordinary admission. */
export async function unregisteredAdmission(
  db: Kysely<Database>,
  row: { registration_request_id: number | null; unregistered_reason: string | null; opened_at: string },
): Promise<UnregisteredAdmission | null> {
  if (row.registration_request_id === null) return null;
  const days = await getSetting(db, 'reception.regularisationDays');
  return {
    registrationRequestId: Number(row.registration_request_id),
    reason: row.unregistered_reason,
    deadline: regularisationDeadline(row.opened_at.slice(0, 10), days),
  };
}
