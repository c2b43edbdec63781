import type { Kysely } from 'kysely';
import type { OutboxStatusView } from '../../../shared/domain/outbox';
import type { Database } from '../db/schema/index';
import { outboxSummary } from './summary';

/** The queue as `ramed outbox status` and the screens show it (interfaces.md). */
export async function outboxStatus(db: Kysely<Database>): Promise<OutboxStatusView> {
  const rows = await db
    .selectFrom('outbox_message')
    .innerJoin('claim', 'claim.id', 'outbox_message.claim_id')
    .leftJoin('claim as newer', 'newer.id', 'outbox_message.superseded_by')
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
      'outbox_message.exported_at',
      'newer.version as superseded_version',
    ])
    .orderBy('outbox_message.id')
    .execute();
  return {
    ...(await outboxSummary(db)),
    messages: rows.map((r) => ({
      claim: `${r.month} v${r.version} ${r.episode_number}`,
      key: r.idempotency_key,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      nextAttemptAt: r.status === 'en_attente' ? r.next_attempt_at : null,
      deliveredAt: r.delivered_at,
      exportedAt: r.exported_at,
      supersededByVersion: r.superseded_version,
    })),
  };
}
