import { randomBytes } from 'node:crypto';
import type { Core } from '../core-types';
import { actingAs } from '../service-context';
import { nextPollAt, pollDecisions } from './poll';
import { nextDueAt, sendDue, type OutboxEnv } from './send';

/** Between passes the worker looks again at least this often (new sign-offs, a changed endpoint). */
const IDLE_POLL_MS = 60_000;

export interface OutboxWorker {
  /** Sends now instead of waiting (after a sign-off or a settings change). */
  wake(): void;
  stop(): Promise<void>;
}

export const workerName = (host: string) => `${host}-${process.pid}-${randomBytes(3).toString('hex')}`;

/**
 * The background sender both hosts start: a pass over the due messages and the decisions to ask
 * for, then a sleep until the next one falls due (or the idle poll). All state is in the database, so stopping anywhere is safe.
 */
export function startOutboxWorker(core: Core, host: string, inject: Partial<Pick<OutboxEnv, 'fetch' | 'random'>> = {}): OutboxWorker {
  const worker = workerName(host);
  const extras = { random: inject.random ?? Math.random, fetch: inject.fetch ?? fetch, worker };
  // Built at each pass on the database of that moment: after a restore, the next pass sends from the restored one.
  const senderNow = (): OutboxEnv => ({ ...actingAs(core.deps, worker), ...extras });
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let wakeUp: () => void = () => {};

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wakeUp = resolve;
      timer = setTimeout(resolve, ms);
    }).finally(() => clearTimeout(timer));

  // A sign-off (or a resubmission) wakes the worker as soon as its messages are committed.
  const onQueued = () => wakeUp();
  core.deps.outboxQueued.add(onQueued);

  const loop = (async () => {
    while (!controller.signal.aborted) {
      let wait = IDLE_POLL_MS;
      try {
        const env = senderNow();
        await sendDue(env, { signal: controller.signal });
        await pollDecisions(env, { signal: controller.signal });
        for (const due of [await nextDueAt(env.db), await nextPollAt(env.db)]) {
          if (due) wait = Math.min(wait, Math.max(1000, Date.parse(due) - env.clock.now().getTime()));
        }
      } catch (error) {
        core.deps.log.error('envoi à l’ANAM interrompu', error);
      }
      if (!controller.signal.aborted) await sleep(wait);
    }
  })();

  return {
    wake: () => wakeUp(),
    async stop() {
      core.deps.outboxQueued.delete(onQueued);
      controller.abort();
      wakeUp();
      await loop;
    },
  };
}
