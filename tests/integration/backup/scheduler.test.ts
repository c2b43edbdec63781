import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackupScheduler, type BackupScheduler, type Timers } from '../../../electron/core/backup/scheduler';
import { SCHEDULER_LOGIN } from '../../../shared/api/backup';
import { backupFixture, unwrap, type BackupFixture, type ManualClock } from '../../support/backup';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Timers driven by the test's clock: `advance` moves the clock and fires what has come due. */
function manualTimers(clock: ManualClock) {
  let pending: Array<{ at: number; run: () => void }> = [];
  const timers: Timers = {
    setTimeout: (run, ms) => {
      const timer = { at: clock.now().getTime() + ms, run };
      pending.push(timer);
      return timer;
    },
    clearTimeout: (timer) => (pending = pending.filter((t) => t !== timer)),
  };
  return {
    timers,
    get pending() {
      return pending.length;
    },
    /** Moves time forward in one-minute steps, letting each due check finish. */
    async advance(ms: number, scheduler: BackupScheduler) {
      const end = clock.now().getTime() + ms;
      while (clock.now().getTime() < end) {
        clock.advance(Math.min(MINUTE, end - clock.now().getTime()));
        const due = pending.filter((t) => t.at <= clock.now().getTime());
        pending = pending.filter((t) => !due.includes(t));
        due.forEach((t) => t.run());
        await scheduler.idle();
      }
    },
  };
}

describe('backup scheduler [sqlite]', () => {
  let f: BackupFixture;
  let scheduler: BackupScheduler;
  let time: ReturnType<typeof manualTimers>;
  beforeEach(async () => {
    f = await backupFixture();
    time = manualTimers(f.clock);
    unwrap(await f.ramed.settings.set({ key: 'backup.intervalHours', value: '6' }));
  });
  afterEach(async () => {
    await scheduler.stop();
    expect(time.pending).toBe(0);
    await f.dispose();
  });

  const start = () => (scheduler = startBackupScheduler(f.core, { timers: time.timers, firstCheckMs: MINUTE, checkEveryMs: 5 * MINUTE }));
  const backups = () =>
    readdirSync(f.folder)
      .filter((n) => n.endsWith('.db'))
      .sort();

  it('makes the first backup soon after start, then one each interval, under its own name', async () => {
    start();
    expect(backups()).toEqual([]);
    await time.advance(MINUTE, scheduler);
    expect(backups()).toEqual(['ramed-CS-BANCONI-20261116-093100.db']);
    await time.advance(6 * HOUR - 10 * MINUTE, scheduler);
    expect(backups()).toHaveLength(1);
    await time.advance(15 * MINUTE, scheduler);
    expect(backups()).toEqual(['ramed-CS-BANCONI-20261116-093100.db', 'ramed-CS-BANCONI-20261116-153100.db']);
    const overview = unwrap(await f.ramed.backup.overview({}));
    expect(overview.runs.map((r) => [r.by, r.outcome])).toEqual([
      [SCHEDULER_LOGIN, 'ok'],
      [SCHEDULER_LOGIN, 'ok'],
    ]);
    expect(overview.nextDueAt).toBe('2026-11-16T21:31:00.000Z');
  });

  it('counts from the last backup, even a manual one', async () => {
    unwrap(await f.ramed.backup.create({}));
    start();
    await time.advance(5 * HOUR, scheduler);
    expect(backups()).toHaveLength(1);
    await time.advance(HOUR + 5 * MINUTE, scheduler);
    expect(backups()).toHaveLength(2);
  });

  it('retries an hour after a failure (USB key absent), not every check', async () => {
    const folder = f.folder;
    unwrap(await f.ramed.settings.set({ key: 'backup.folder', value: '/media/cle-absente/ramed' }));
    start();
    await time.advance(50 * MINUTE, scheduler);
    let runs = unwrap(await f.ramed.backup.overview({})).runs;
    expect(runs.map((r) => r.outcome)).toEqual(['failed']);
    expect(runs[0]?.message).toMatch(/Branchez la clé USB/);
    unwrap(await f.ramed.settings.set({ key: 'backup.folder', value: folder }));
    await time.advance(15 * MINUTE, scheduler);
    runs = unwrap(await f.ramed.backup.overview({})).runs;
    expect(runs.map((r) => r.outcome)).toEqual(['ok', 'failed']);
  });

  it('does nothing when automatic backups are off', async () => {
    unwrap(await f.ramed.settings.set({ key: 'backup.intervalHours', value: '0' }));
    start();
    await time.advance(48 * HOUR, scheduler);
    expect(backups()).toEqual([]);
    expect(unwrap(await f.ramed.backup.overview({})).nextDueAt).toBeNull();
  });
});
