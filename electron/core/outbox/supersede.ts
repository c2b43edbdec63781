import { sql, type Kysely, type Selectable } from 'kysely';
import { frenchDate } from '../../../shared/lib/dates';
import { ofMonth } from '../../../shared/lib/months';
import type { Database } from '../db/schema/index';
import type { ClaimTable } from '../db/schema/claims';
import { conflict } from '../errors';
import type { ServiceContext } from '../context';

/** The month's monthly versions other than `exceptId` (resubmissions are threads of their own). */
const otherVersions = (db: Kysely<Database>, month: string, exceptId: number) =>
  db.selectFrom('claim').select('id').where('month', '=', month).where('resubmits_id', 'is', null).where('id', '<>', exceptId);

/** The month's monthly version that has already left the workstation (received by the ANAM, or exported), if any. */
export async function sentVersionOf(
  db: Kysely<Database>,
  month: string,
  exceptId = 0,
): Promise<{ version: number; at: string } | undefined> {
  return db
    .selectFrom('outbox_message')
    .innerJoin('claim', 'claim.id', 'outbox_message.claim_id')
    .select(['claim.version', sql<string>`coalesce(outbox_message.delivered_at, outbox_message.exported_at)`.as('at')])
    .where('claim.month', '=', month)
    .where('claim.resubmits_id', 'is', null)
    .where('claim.id', '<>', exceptId)
    .where((eb) => eb.or([eb('outbox_message.status', '=', 'livre'), eb('outbox_message.exported_at', 'is not', null)]))
    .orderBy('at')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Refuses a new version of a month whose claim has already left the workstation (a Claim received
 * by the ANAM, or exported for a USB key): a new full version would bill the ANAM twice. What the
 * ANAM rejected is corrected by a resubmission instead.
 */
export async function assertMonthNotSent(db: Kysely<Database>, month: string, exceptId = 0): Promise<void> {
  const sent = await sentVersionOf(db, month, exceptId);
  if (!sent) return;
  throw conflict(
    `La version ${sent.version} ${ofMonth(month)} est déjà partie vers l’ANAM (le ${frenchDate(sent.at)}) : ` +
      'elle ne peut plus être remplacée. Corrigez les lignes que l’ANAM rejette, puis préparez une resoumission ; ' +
      'un épisode clos depuis ira dans la réclamation du mois suivant, marqué « clôture tardive ».',
  );
}

/**
 * When a newer version of a month is signed, the older versions' messages that have not left
 * (waiting, or given up) are superseded: marked `echec` with `superseded_by`, never sent. Refused
 * while one of them is being sent (its lease runs): the outcome of that send is not known yet.
 */
export async function supersedeEarlier(ctx: ServiceContext, signed: Selectable<ClaimTable>): Promise<number> {
  await assertMonthNotSent(ctx.db, signed.month, signed.id);
  const now = ctx.clock.now().toISOString();
  const older = otherVersions(ctx.db, signed.month, signed.id);
  const result = await ctx.db
    .updateTable('outbox_message')
    .set({
      status: 'echec',
      superseded_by: signed.id,
      last_error: `Remplacée par la version ${signed.version} signée le ${frenchDate(now)} : non envoyée.`,
      lease_owner: null,
      lease_until: null,
    })
    .where('claim_id', 'in', older)
    .where('status', 'in', ['en_attente', 'echec'])
    .where('superseded_by', 'is', null)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
    .executeTakeFirst();
  // What is left is leased by a worker sending it now (checked after the update, which waits for a lease being taken).
  const sending = await ctx.db
    .selectFrom('outbox_message')
    .select('id')
    .where('claim_id', 'in', older)
    .where('status', '=', 'en_attente')
    .executeTakeFirst();
  if (sending) {
    throw conflict('Une réclamation de la version précédente est en cours d’envoi à l’ANAM : réessayez de signer dans une minute.');
  }
  return Number(result.numUpdatedRows);
}
