import { copyFileSync } from 'node:fs';
import { openCore } from '../../electron/core/app';
import { silentLogger } from '../../electron/core/logger';
import { BareSqlite } from './bare-sqlite';
import { samplePersons } from './lookups';
import { removeDatabase } from './processes';
import type { Measure } from './report';
import { call, signedIn } from './session';
import { latencies } from './stats';

/** A desk agent does not check in a tight loop: a pause between checks lets the import go on. */
const PAUSE_MS = 2;
const pause = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS));

/**
 * Issue 23, item 2: the récépissé check while the registry import runs in the same process, as
 * in the browser host (and in Electron's main process): both share one event loop and one
 * SQLite connection. The import is the monthly full file again (its rows mostly unchanged: read,
 * checked and compared, few written), started through the contract as the administrator's window
 * starts it. Baseline: the same checks, same pause, same database, with no import, just before.
 */
export async function benchChecksDuringImport(
  file: string,
  imported: string,
  dataDir: string,
  sizes: { persons: number; checks: number },
  seed: number,
  log: (text: string) => void,
): Promise<Measure[]> {
  // A copy: the lookups keep measuring the database as the first import left it.
  const database = `${dataDir}/during-import-${sizes.persons}.db`;
  removeDatabase(database);
  copyFileSync(imported, database);
  const bare = await BareSqlite.open(database);
  const persons = await samplePersons(bare, Math.min(sizes.checks, 20_000), seed + 1);
  await bare.close();

  const core = await openCore({ db: database, log: silentLogger });
  try {
    const desk = await signedIn(core, 'accueil');
    const admin = await signedIn(core, 'admin');
    let n = 0;
    const timedCheck = async (): Promise<number> => {
      const person = persons[n++ % persons.length]!;
      // The window reports the agent's activity: the session is not locked during a long import.
      if (n % 500 === 0) await call(core, desk, 'auth.activity', {});
      const started = performance.now();
      await call(core, desk, 'registry.check', { recepisse: person.recepisse });
      return performance.now() - started;
    };

    for (let i = 0; i < 200; i++) await timedCheck();
    log(`contrôle pendant un import : ${persons.length} contrôles sans import…`);
    const quiet: number[] = [];
    for (let i = 0; i < persons.length; i++) {
      quiet.push(await timedCheck());
      await pause();
    }

    log('contrôle pendant un import : import complet du même registre, contrôles tant qu’il tourne…');
    const busy: number[] = [];
    let done = false;
    const importStarted = performance.now();
    const importing = core
      .dispatch(admin, 'registry.import', { file: core.deps.files.register(file).ref, mode: 'full', force: true, acceptGap: true })
      .finally(() => (done = true));
    while (!done) {
      busy.push(await timedCheck());
      await pause();
    }
    const outcome = await importing;
    if (!outcome.ok) throw new Error(`registry.import : ${outcome.error.code} ${outcome.error.message}`);
    const importSeconds = (performance.now() - importStarted) / 1000;
    if (busy.length < 100) throw new Error(`l’import a fini avant 100 contrôles (${busy.length}) : prenez un registre plus grand (--size).`);

    const during = latencies(busy);
    const alone = latencies(quiet);
    const section = `6. Contrôle pendant un import (même processus ; import de ${importSeconds.toFixed(0)} s, ${busy.length} contrôles)`;
    const baseline = (value: number) => ({ label: `sans import, même base, ${quiet.length} contrôles`, value });
    return [
      { section, label: 'p50', unit: 'ms', value: during.p50, baseline: baseline(alone.p50) },
      // Issue 23: a desk's check stays quick while the administrator imports.
      { section, label: 'p99', unit: 'ms', value: during.p99, baseline: baseline(alone.p99), targets: [{ of: 'value', max: 50 }] },
      { section, label: 'max', unit: 'ms', value: during.max, baseline: baseline(alone.max) },
    ];
  } finally {
    await core.close();
  }
}
