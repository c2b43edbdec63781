import { sql } from 'kysely';
import type { OutboxSummary } from '../../../shared/domain/outbox';
import type { ServiceContext } from '../context';

/** The queue's counts in one query (the status bar asks often). */
export async function outboxSummary(ctx: ServiceContext): Promise<OutboxSummary> {
  const row = await ctx.db
    .selectFrom('outbox_message')
    .select([
      sql<number>`sum(case when status = 'en_attente' then 1 else 0 end)`.as('pending'),
      sql<number>`sum(case when status = 'en_attente' and exported_at is not null then 1 else 0 end)`.as('exported'),
      sql<number>`sum(case when status = 'livre' then 1 else 0 end)`.as('delivered'),
      sql<number>`sum(case when status = 'echec' and superseded_by is null then 1 else 0 end)`.as('failed'),
      sql<number>`sum(case when superseded_by is not null and status = 'echec' then 1 else 0 end)`.as('superseded'),
      (eb) => eb.fn.max('delivered_at').as('lastSuccessAt'),
    ])
    .executeTakeFirstOrThrow();
  return {
    pending: Number(row.pending ?? 0),
    exported: Number(row.exported ?? 0),
    delivered: Number(row.delivered ?? 0),
    failed: Number(row.failed ?? 0),
    superseded: Number(row.superseded ?? 0),
    lastSuccessAt: row.lastSuccessAt ?? null,
  };
}
