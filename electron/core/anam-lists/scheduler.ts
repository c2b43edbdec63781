import { SCHEDULER_LOGIN } from '../../../shared/api/backup';
import { createClient } from '../../../shared/contract/client';
import { newSlot, type Core } from '../app';
import { getSettings } from '../settings/settings';

export interface PullScheduler {
  stop(): Promise<void>;
}

/**
 * Pulls the ANAM's lists on a schedule (`anam.pullHours`, default daily; 0 never): a first pull a
 * little after start, then whenever that many hours have passed since the last one. Through the
 * dispatcher like the manual button, so it is audited under SCHEDULER_LOGIN. Without an address
 * nothing happens; offline, the pull reports it and the next one tries again.
 */
export function startPullScheduler(core: Core, options: { firstCheckMs?: number; checkEveryMs?: number } = {}): PullScheduler {
  const every = options.checkEveryMs ?? 10 * 60_000;
  let lastRunAt: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();

  async function check(): Promise<void> {
    const s = await getSettings(core.deps.handle.db, ['anam.endpoint', 'anam.pullHours']);
    const now = core.deps.clock.now().getTime();
    if (s['anam.endpoint'] === '' || s['anam.pullHours'] === 0) return;
    if (lastRunAt !== null && now - lastRunAt < s['anam.pullHours'] * 3_600_000) return;
    lastRunAt = now;
    const slot = newSlot();
    const at = new Date(now).toISOString();
    slot.session = {
      userId: null,
      login: SCHEDULER_LOGIN,
      fullName: 'Téléchargement automatique',
      roles: ['admin'],
      mustChangePassword: false,
      startedAt: at,
      lastActivityAt: at,
    };
    const result = await createClient((method, input) => core.dispatch(slot, method, input)).anam.pull({ list: 'all' });
    if (!result.ok) core.deps.log.error(`listes de l’ANAM : ${result.error.message}`);
    else for (const l of result.value.lists) if (l.error) core.deps.log.error(`listes de l’ANAM (${l.list}) : ${l.error}`);
  }

  const schedule = (ms: number) => {
    timer = setTimeout(() => {
      timer = null;
      current = check()
        .catch((error: unknown) => core.deps.log.error('listes de l’ANAM', error))
        .finally(() => {
          if (!stopped) schedule(every);
        });
    }, ms);
  };
  schedule(options.firstCheckMs ?? 2 * 60_000);
  return {
    async stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      await current;
    },
  };
}
