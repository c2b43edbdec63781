import { execFileSync, spawn } from 'node:child_process';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore } from '../../electron/core/app';
import { silentLogger } from '../../electron/core/logger';
import { describeEachDb, freshDatabase, type TestDbKind } from '../support/db';
import { tempFolder } from '../support/registry-files';
import { writeRegistry } from '../support/registry-generator';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const childrenOf = (pid: number): number[] => {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((n) => n > 0);
  } catch {
    return [];
  }
};
const waitFor = async (what: string, test: () => boolean | Promise<boolean>, ms: number) => {
  const until = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > until) throw new Error(`attente trop longue : ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** `kill -9` of the `ramed` wrapper (bin/ramed.mjs re-runs Node with its flags): the child must not run on, orphaned. */
describeEachDb('the ramed wrapper', (kind: TestDbKind) => {
  let db: { target: string; drop(): Promise<void> };
  let files: ReturnType<typeof tempFolder>;
  beforeEach(async () => {
    db = await freshDatabase(kind);
    files = tempFolder();
  });
  afterEach(async () => {
    files.cleanup();
    await db.drop();
  });

  it('stops the import and exits when the wrapper is killed', async () => {
    const path = files.path('grand.csv');
    const { rows } = await writeRegistry(path, { persons: 150_000, seed: 21 });
    // The database made first: the command and this test then only read and write it.
    const core = await openCore({ db: db.target, log: silentLogger });
    const wrapper = spawn(process.execPath, ['bin/ramed.mjs', 'import-registry', path, '--db', db.target], {
      stdio: 'ignore',
      env: { ...process.env, RAMED_HOME: files.path('home') },
    });
    let child = 0;
    try {
      await waitFor('le processus enfant', () => (child = childrenOf(wrapper.pid!)[0] ?? 0) > 0, 20_000);
      // The import has begun writing its first rows.
      await waitFor(
        'le début de l’import',
        async () => {
          const row = await core.deps.handle.db
            .selectFrom('registry_import')
            .select('lines_done')
            .executeTakeFirst()
            .catch(() => undefined);
          return (row?.lines_done ?? 0) > 0;
        },
        120_000,
      );
      process.kill(wrapper.pid!, 'SIGKILL');
      await waitFor('la fin du processus enfant', () => !alive(child), 60_000);
      const job = await core.deps.handle.db.selectFrom('registry_import').select(['status', 'lines_done']).executeTakeFirstOrThrow();
      expect(job.status).toBe('cancelled');
      expect(job.lines_done).toBeLessThan(rows + 1);
    } finally {
      if (child && alive(child)) process.kill(child, 'SIGKILL');
      await core.close();
    }
  }, 240_000);
});
