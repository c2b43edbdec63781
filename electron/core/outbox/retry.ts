import { sql, type Kysely } from 'kysely';
import type { OutboxMessageView } from '../../../shared/domain/outbox';
import type { Clock } from '../clock';
import type { Database } from '../db/schema/index';
import { conflict, notFound } from '../errors';
import { outboxMessages } from './status';

interface Retrier {
  db: Kysely<Database>;
  clock: Clock;
  login: string;
}

/** Why a message cannot be put back in the queue, in the manager's words (null: it can). */
function refusal(message: { status: string; superseded_by: number | null }, version: number | null): string | null {
  if (message.superseded_by !== null) {
    return `Cette réclamation a été remplacée par la version ${version ?? '?'} : elle ne doit jamais partir, elle ne peut pas être renvoyée.`;
  }
  if (message.status === 'livre') return 'Cette réclamation a déjà été reçue par l’ANAM : rien à renvoyer.';
  if (message.status === 'en_attente') return 'Cette réclamation est déjà en attente d’envoi : rien à renvoyer.';
  return null;
}

/**
 * Puts an abandoned message back in the queue for a new series of attempts, due now, with the
 * reason recorded. Nothing of the abandoned series is erased: its attempts stay on record and keep
 * counting, the error it ended on is kept with the requeue. The conditional update makes two
 * managers retrying at once produce one requeue: the second finds the message already waiting.
 */
export async function retryMessage(w: Retrier, input: { messageId: number; reason: string }): Promise<OutboxMessageView> {
  const read = () =>
    w.db
      .selectFrom('outbox_message')
      .leftJoin('claim as newer', 'newer.id', 'outbox_message.superseded_by')
      .select(['outbox_message.status', 'outbox_message.superseded_by', 'outbox_message.attempts', 'outbox_message.last_error'])
      .select('newer.version')
      .where('outbox_message.id', '=', input.messageId)
      .executeTakeFirst();
  const message = await read();
  if (!message) throw notFound(`Aucune réclamation n° ${input.messageId} dans la file d’envoi.`);
  const refused = refusal(message, message.version);
  if (refused) throw conflict(refused);
  const now = w.clock.now().toISOString();
  const requeued = await w.db
    .updateTable('outbox_message')
    .set({
      status: 'en_attente',
      series_start: sql<number>`attempts`,
      next_attempt_at: now,
      lease_owner: null,
      lease_until: null,
    })
    .where('id', '=', input.messageId)
    .where('status', '=', 'echec')
    .where('superseded_by', 'is', null)
    .executeTakeFirst();
  if (Number(requeued.numUpdatedRows) !== 1) {
    const changed = await read();
    throw conflict(
      refusal(changed!, changed!.version) ?? 'Cette réclamation vient d’être modifiée sur un autre poste : rechargez la file.',
    );
  }
  // Read after the update, inside the transaction: the series it closes, exactly as it ended.
  const closed = (await read())!;
  await w.db
    .insertInto('outbox_retry')
    .values({
      message_id: input.messageId,
      at: now,
      by_login: w.login,
      reason: input.reason,
      attempts_before: closed.attempts,
      last_error: closed.last_error,
    })
    .execute();
  return (await outboxMessages(w.db, input.messageId))[0]!;
}
