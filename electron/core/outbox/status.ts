import type { Kysely } from 'kysely';
import type { OutboxMessageView, OutboxStatusView } from '../../../shared/domain/outbox';
import type { ServiceContext } from '../context';
import type { Database } from '../db/schema/index';
import { outboxSummary } from './summary';

/** The messages of the queue (all, or the one named) as the screens and `ramed outbox status` show them. */
export async function outboxMessages(db: Kysely<Database>, messageId?: number): Promise<OutboxMessageView[]> {
  const rows = await db
    .selectFrom('outbox_message')
    .innerJoin('claim', 'claim.id', 'outbox_message.claim_id')
    .leftJoin('claim as newer', 'newer.id', 'outbox_message.superseded_by')
    .$if(messageId !== undefined, (q) => q.where('outbox_message.id', '=', messageId!))
    .select((eb) => [
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
      'outbox_message.exported_at',
      'newer.version as superseded_version',
      eb
        .selectFrom('outbox_retry')
        .select((r) => r.fn.countAll<number>().as('n'))
        .whereRef('outbox_retry.message_id', '=', 'outbox_message.id')
        .as('retries'),
    ])
    .orderBy('outbox_message.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    claim: `${r.month} v${r.version} ${r.episode_number}`,
    key: r.idempotency_key,
    status: r.status,
    attempts: r.attempts,
    retries: Number(r.retries ?? 0),
    lastError: r.last_error,
    nextAttemptAt: r.status === 'en_attente' ? r.next_attempt_at : null,
    deliveredAt: r.delivered_at,
    exportedAt: r.exported_at,
    supersededByVersion: r.superseded_version,
  }));
}

/** The queue as `ramed outbox status` and the screens show it (interfaces.md). */
export async function outboxStatus(ctx: ServiceContext): Promise<OutboxStatusView> {
  return { ...(await outboxSummary(ctx)), messages: await outboxMessages(ctx.db) };
}
