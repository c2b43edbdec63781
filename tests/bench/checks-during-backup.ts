import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore } from '../../electron/core/app';
import { silentLogger } from '../../electron/core/logger';
import { copyWithSample, type PartOnCopy } from './base-copy';
import { removeDatabase } from './processes';
import type { Measure } from './report';
import { call, deskChecker, signedIn } from './session';
import { latencies } from './stats';

/** The same pace as part 6: an agent pauses between checks. */
const PAUSE_MS = 2;
const pause = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
/** Enough for a p99; a small base's backup is over in a fraction of a second, so backups follow one another until then. */
const MIN_CHECKS = 200;
/** The baseline's length: a few tens of seconds at the desk's pace. */
const MAX_QUIET_CHECKS = 5_000;

/**
 * Issue 23, item 2, for the backup: the récépissé check while `backup.create` runs on the thread
 * that answers the window (`VACUUM INTO` and `integrity_check` on node-sqlite3's own threads, the
 * copy's SHA-256 streamed on this one). The backup is started through the contract by an
 * administrator, into a backup folder set in a temporary directory. Baseline: the same checks,
 * same pause, same database, with no backup, just before.
 */
export async function benchChecksDuringBackup(part: PartOnCopy): Promise<Measure[]> {
  const { sizes, log } = part;
  const { database, persons } = await copyWithSample(part, 'during-backup', Math.min(sizes.checks, MAX_QUIET_CHECKS), 2);

  const folder = mkdtempSync(join(tmpdir(), 'ramed-bench-sauvegardes-'));
  const core = await openCore({ db: database, log: silentLogger });
  try {
    const desk = await signedIn(core, 'accueil');
    const admin = await signedIn(core, 'admin');
    await call(core, admin, 'settings.set', { key: 'backup.folder', value: folder });
    const timedCheck = await deskChecker(core, desk, persons);

    log(`contrôle pendant une sauvegarde : ${persons.length} contrôles sans sauvegarde…`);
    const quiet: number[] = [];
    for (let i = 0; i < persons.length; i++) {
      quiet.push(await timedCheck());
      await pause();
    }

    log('contrôle pendant une sauvegarde : sauvegarde de la même base (backup.create), contrôles tant qu’elle tourne…');
    const during: number[] = [];
    const backupSeconds: number[] = [];
    let size = 0;
    while (backupSeconds.length === 0 || during.length < MIN_CHECKS) {
      let done = false;
      const started = performance.now();
      const running = core.dispatch(admin, 'backup.create', {}).finally(() => (done = true));
      while (!done) {
        during.push(await timedCheck());
        await pause();
      }
      const outcome = await running;
      if (!outcome.ok) throw new Error(`backup.create : ${outcome.error.code} ${outcome.error.message}`);
      backupSeconds.push((performance.now() - started) / 1000);
      size = (outcome.value as { manifest: { size: number } }).manifest.size;
    }

    const alone = latencies(quiet);
    const busy = latencies(during);
    const seconds = backupSeconds.reduce((sum, s) => sum + s, 0) / backupSeconds.length;
    const backups = backupSeconds.length === 1 ? 'une sauvegarde' : `${backupSeconds.length} sauvegardes successives`;
    const section = `7. Contrôle pendant une sauvegarde (${backups} de ${(size / 1e6).toFixed(0)} Mo, ${seconds.toFixed(1).replace('.', ',')} s chacune ; ${during.length} contrôles)`;
    const baseline = (value: number) => ({ label: `sans sauvegarde, même base, ${quiet.length} contrôles`, value });
    return [
      { section, label: 'p50', unit: 'ms', value: busy.p50, baseline: baseline(alone.p50) },
      // Issue 23: a desk's check stays quick while the administrator backs up.
      { section, label: 'p99', unit: 'ms', value: busy.p99, baseline: baseline(alone.p99), targets: [{ of: 'value', max: 50 }] },
      { section, label: 'max', unit: 'ms', value: busy.max, baseline: baseline(alone.max) },
    ];
  } finally {
    await core.close();
    rmSync(folder, { recursive: true, force: true });
    removeDatabase(database);
  }
}
