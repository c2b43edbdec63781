import type { OutboxSendReport } from '../../../shared/domain/outbox';
import { nextDueAt, sendDue, type OutboxEnv } from './send';

const pendingCount = async (env: OutboxEnv) =>
  Number(
    (
      await env.db
        .selectFrom('outbox_message')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'en_attente')
        .executeTakeFirstOrThrow()
    ).n,
  );

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** One pass over the due messages, or (`untilEmpty`) passes until none is pending, waiting out each retry delay. */
export async function sendQueue(
  env: OutboxEnv,
  options: { untilEmpty: boolean; signal: AbortSignal; progress(done: number, total: number | null, label: string): void },
): Promise<OutboxSendReport> {
  const total: OutboxSendReport = { configured: true, attempted: 0, delivered: 0, failed: 0, pending: 0 };
  for (;;) {
    const pass = await sendDue(env, { signal: options.signal });
    total.configured = pass.configured;
    total.attempted += pass.attempted;
    total.delivered += pass.delivered;
    total.failed += pass.failed;
    total.pending = await pendingCount(env);
    options.progress(total.delivered, total.delivered + total.pending, `${total.delivered} envoyée(s), ${total.pending} en attente`);
    if (!options.untilEmpty || !pass.configured || total.pending === 0 || options.signal.aborted) return total;
    const due = await nextDueAt(env.db);
    await wait(due ? Math.max(0, Date.parse(due) - env.clock.now().getTime()) : 1000, options.signal);
  }
}
