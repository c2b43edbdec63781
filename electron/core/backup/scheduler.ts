import { SCHEDULER_LOGIN } from '../../../shared/api/backup';
import { createClient } from '../../../shared/contract/client';
import { newSlot, type Core } from '../app';

/** The timer functions the scheduler uses (tests give their own, driven with the clock). */
export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface BackupScheduler {
  /** Resolves once the check in progress (if any) has finished. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  timers?: Timers;
  /** The first check, a little after start so that launching the app stays quick. */
  firstCheckMs?: number;
  checkEveryMs?: number;
}

/**
 * Makes the automatic backups: every few minutes, asks the core when the next backup is due
 * (`backup.overview`, from `backup.intervalHours` and the history) and makes it when the time
 * has come. It goes through the dispatcher like any window, so a restore in progress holds it
 * back and each backup is audited, under SCHEDULER_LOGIN. Started by the Electron main process
 * and the browser host; the command line does not run it.
 */
export function startBackupScheduler(core: Core, options: SchedulerOptions = {}): BackupScheduler {
  const timers = options.timers ?? systemTimers;
  const every = options.checkEveryMs ?? 5 * 60_000;
  let timer: unknown = null;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();

  const schedule = (ms: number) => {
    timer = timers.setTimeout(() => {
      timer = null;
      current = check()
        .catch((error: unknown) => core.deps.log.error('sauvegarde automatique', error))
        .finally(() => {
          if (!stopped) schedule(every);
        });
    }, ms);
  };

  async function check(): Promise<void> {
    // A fresh session each time: nothing of the scheduler outlives a restore or an inactivity lock.
    const slot = newSlot();
    const now = core.deps.clock.now().toISOString();
    slot.session = {
      userId: null,
      login: SCHEDULER_LOGIN,
      fullName: 'Sauvegarde automatique',
      roles: ['admin'],
      mustChangePassword: false,
      startedAt: now,
      lastActivityAt: now,
    };
    const ramed = createClient((method, input) => core.dispatch(slot, method, input));
    const overview = await ramed.backup.overview({});
    if (!overview.ok) throw new Error(overview.error.message);
    const { available, nextDueAt } = overview.value;
    if (!available || nextDueAt === null || nextDueAt > now) return;
    const made = await ramed.backup.create({});
    if (made.ok) core.deps.log.info('sauvegarde automatique faite');
    else core.deps.log.error(`sauvegarde automatique : ${made.error.message}`);
  }

  schedule(options.firstCheckMs ?? 60_000);
  return {
    idle: () => current,
    async stop() {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      await current;
    },
  };
}
