import { sql, type Kysely } from 'kysely';
import type { OutboxMessageView, OutboxRetryAllReport } from '../../../shared/domain/outbox';
import type { Database } from '../db/schema/index';
import { conflict, notFound } from '../errors';
import { outboxMessages } from './status';
import type { ServiceContext } from '../context';

/** Why a message cannot be put back in the queue, in the manager's words (null: it can). */
function refusal(message: { status: string; superseded_by: number | null }, version: number | null): string | null {
  if (message.superseded_by !== null) {
    return `Cette réclamation a été remplacée par la version ${version ?? '?'} : elle ne doit jamais partir, elle ne peut pas être renvoyée.`;
  }
  if (message.status === 'livre') return 'Cette réclamation a déjà été reçue par l’ANAM : rien à renvoyer.';
  if (message.status === 'en_attente') return 'Cette réclamation est déjà en attente d’envoi : rien à renvoyer.';
  return null;
}

/** The messages as `refusal` judges them, with the version that replaced each one. */
const judged = (db: Kysely<Database>) =>
  db
    .selectFrom('outbox_message')
    .leftJoin('claim as newer', 'newer.id', 'outbox_message.superseded_by')
    .select(['outbox_message.id', 'outbox_message.status', 'outbox_message.superseded_by'])
    .select('newer.version');

/**
 * Puts the message back in the queue, due now, and records the requeue with the series it closes
 * (its attempts and the error it ended on, read in the same statement). The update is conditional:
 * when another workstation requeued it first, nothing is written and the answer is false.
 */
async function requeue(ctx: ServiceContext, messageId: number, reason: string, now: string): Promise<boolean> {
  const closed = await ctx.db
    .updateTable('outbox_message')
    .set({
      status: 'en_attente',
      series_start: sql<number>`attempts`,
      next_attempt_at: now,
      lease_owner: null,
      lease_until: null,
    })
    .where('id', '=', messageId)
    .where('status', '=', 'echec')
    .where('superseded_by', 'is', null)
    .returning(['attempts', 'last_error'])
    .executeTakeFirst();
  if (!closed) return false;
  await ctx.db
    .insertInto('outbox_retry')
    .values({
      message_id: messageId,
      at: now,
      by_login: ctx.login,
      reason,
      attempts_before: closed.attempts,
      last_error: closed.last_error,
    })
    .execute();
  return true;
}

/**
 * Puts an abandoned message back in the queue for a new series of attempts, due now, with the
 * reason recorded. Nothing of the abandoned series is erased: its attempts stay on record and keep
 * counting, the error it ended on is kept with the requeue. Two managers retrying at once produce
 * one requeue: the second finds the message already waiting.
 */
export async function retryMessage(ctx: ServiceContext, input: { messageId: number; reason: string }): Promise<OutboxMessageView> {
  const read = () => judged(ctx.db).where('outbox_message.id', '=', input.messageId).executeTakeFirst();
  const message = await read();
  if (!message) throw notFound(`Aucune réclamation n° ${input.messageId} dans la file d’envoi.`);
  const refused = refusal(message, message.version);
  if (refused) throw conflict(refused);
  if (!(await requeue(ctx, input.messageId, input.reason, ctx.clock.now().toISOString()))) {
    const changed = await read();
    throw conflict(
      refusal(changed!, changed!.version) ?? 'Cette réclamation vient d’être modifiée sur un autre poste : rechargez la file.',
    );
  }
  return (await outboxMessages(ctx.db, input.messageId))[0]!;
}

/**
 * Puts back in the queue every abandoned message `retryMessage` would accept, all with the same
 * reason (after days without the ANAM, a whole month is abandoned). Those another workstation
 * requeued meanwhile are left to it: each message is requeued once. In the order of the queue, so
 * two managers at once lock the messages in the same order and never wait on each other in a cycle.
 */
export async function retryAllAbandoned(ctx: ServiceContext, input: { reason: string }): Promise<OutboxRetryAllReport> {
  const abandoned = await judged(ctx.db).where('outbox_message.status', '=', 'echec').orderBy('outbox_message.id').execute();
  const now = ctx.clock.now().toISOString();
  const messageIds: number[] = [];
  for (const message of abandoned) {
    if (refusal(message, message.version) === null && (await requeue(ctx, message.id, input.reason, now))) messageIds.push(message.id);
  }
  return { requeued: messageIds.length, messageIds };
}
