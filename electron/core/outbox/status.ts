import type { Kysely } from 'kysely';
import type { OutboxStatusView } from '../../../shared/domain/outbox';
import type { Database } from '../db/schema/index';

/** The queue as `ramed outbox status` and the screens show it (interfaces.md). */
export async function outboxStatus(db: Kysely<Database>): Promise<OutboxStatusView> {
  const rows = await db
    .selectFrom('outbox_message')
    .innerJoin('claim', 'claim.id', 'outbox_message.claim_id')
    .select([
      'outbox_message.id',
      'claim.month',
      'claim.version',
      'outbox_message.episode_number',
      'outbox_message.idempotency_key',
      'outbox_message.status',
      'outbox_message.attempts',
      'outbox_message.last_error',
      'outbox_message.next_attempt_at',
      'outbox_message.delivered_at',
    ])
    .orderBy('outbox_message.id')
    .execute();
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  const delivered = rows.map((r) => r.delivered_at).filter((d): d is string => d !== null);
  return {
    pending: count('en_attente'),
    delivered: count('livre'),
    failed: count('echec'),
    lastSuccessAt: delivered.length > 0 ? delivered.reduce((a, b) => (a > b ? a : b)) : null,
    messages: rows.map((r) => ({
      claim: `${r.month} v${r.version} ${r.episode_number}`,
      key: r.idempotency_key,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      nextAttemptAt: r.status === 'en_attente' ? r.next_attempt_at : null,
      deliveredAt: r.delivered_at,
    })),
  };
}
