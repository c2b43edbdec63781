import { openCore } from '../../electron/core/app';
import type { JobLauncherFactory } from '../../electron/core/context';
import { inlineJobs } from '../../electron/core/job-runner/launcher';
import { threadJobs } from '../../electron/core/job-runner/thread-jobs';
import { silentLogger } from '../../electron/core/logger';
import { copyWithSample, type PartOnCopy } from './base-copy';
import type { Measure } from './report';
import { deskChecker, signedIn } from './session';
import { latencies } from './stats';

/** A desk agent does not check in a tight loop: a pause between checks lets the import go on. */
const PAUSE_MS = 2;
const pause = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS));

/**
 * Issue 23, item 2: the récépissé check while the registry import runs, as the browser host and
 * the window's host run it: the import in a worker thread of its own with its own connection
 * (`threadJobs`, what `startHost` chooses), the checks on the thread that answers the window.
 * For comparison, the same import run in the checks' own thread as before (one event loop, one
 * SQLite connection). The import is the monthly full file again (its rows mostly unchanged:
 * read, checked and compared, few written), started through the contract as the administrator's
 * window starts it. Baseline: the same checks, same pause, same database, with no import, just before.
 */
export async function benchChecksDuringImport(file: string, part: PartOnCopy): Promise<Measure[]> {
  const { log } = part;
  // A copy: the lookups keep measuring the database as the first import left it.
  const { database, persons } = await copyWithSample(part, 'during-import', Math.min(part.sizes.checks, 20_000), 1);

  const quiet = await checksWhile(database, persons, null, log);
  const inThread = await checksWhile(database, persons, { file, jobs: inlineJobs }, log);
  const inWorker = await checksWhile(database, persons, { file, jobs: threadJobs() }, log);

  const alone = latencies(quiet.checks);
  const during = latencies(inWorker.checks);
  const before = latencies(inThread.checks);
  const section = `6. Contrôle pendant un import (import dans un thread de fond ; import de ${inWorker.importSeconds.toFixed(0)} s, ${inWorker.checks.length} contrôles)`;
  const baseline = (value: number) => ({ label: `sans import, même base, ${quiet.checks.length} contrôles`, value });
  const sameThread = (value: number) => ({
    label: `import dans le thread des contrôles (avant), ${inThread.checks.length} contrôles, import de ${inThread.importSeconds.toFixed(0)} s`,
    value,
  });
  return [
    { section, label: 'p50', unit: 'ms', value: during.p50, baseline: baseline(alone.p50) },
    // Issue 23: a desk's check stays quick while the administrator imports.
    { section, label: 'p99', unit: 'ms', value: during.p99, baseline: baseline(alone.p99), targets: [{ of: 'value', max: 50 }] },
    { section, label: 'max', unit: 'ms', value: during.max, baseline: baseline(alone.max) },
    { section, label: 'p99, comparé à l’import dans le même thread', unit: 'ms', value: during.p99, baseline: sameThread(before.p99) },
    { section, label: 'durée de l’import, comparée au même thread', unit: 's', value: inWorker.importSeconds, baseline: sameThread(inThread.importSeconds) },
  ];
}

/**
 * Checks at a desk's pace on a core of its own: with no import (`importing` null, as many checks
 * as sampled persons), or as long as an import of `file`, run where `jobs` runs it, lasts.
 */
async function checksWhile(
  database: string,
  persons: Array<{ recepisse: string }>,
  importing: { file: string; jobs: JobLauncherFactory } | null,
  log: (text: string) => void,
): Promise<{ checks: number[]; importSeconds: number }> {
  const core = await openCore({ db: database, log: silentLogger, jobs: importing?.jobs });
  try {
    const desk = await signedIn(core, 'accueil');
    const admin = await signedIn(core, 'admin');
    const timedCheck = await deskChecker(core, desk, persons);

    const checks: number[] = [];
    if (!importing) {
      log(`contrôle pendant un import : ${persons.length} contrôles sans import…`);
      for (let i = 0; i < persons.length; i++) {
        checks.push(await timedCheck());
        await pause();
      }
      return { checks, importSeconds: 0 };
    }
    const where = importing.jobs === inlineJobs ? 'dans le thread des contrôles' : 'dans un thread de fond';
    log(`contrôle pendant un import : import complet du même registre ${where}, contrôles tant qu’il tourne…`);
    let done = false;
    const importStarted = performance.now();
    const running = core
      .dispatch(admin, 'registry.import', { file: core.deps.files.register(importing.file).ref, mode: 'full', force: true, acceptGap: true })
      .finally(() => (done = true));
    while (!done) {
      checks.push(await timedCheck());
      await pause();
    }
    const outcome = await running;
    if (!outcome.ok) throw new Error(`registry.import : ${outcome.error.code} ${outcome.error.message}`);
    if (checks.length < 100) throw new Error(`l’import a fini avant 100 contrôles (${checks.length}) : prenez un registre plus grand (--size).`);
    return { checks, importSeconds: (performance.now() - importStarted) / 1000 };
  } finally {
    await core.close();
  }
}
