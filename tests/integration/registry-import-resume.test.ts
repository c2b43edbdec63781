import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { BATCH_ROWS } from '../../electron/core/registry/import-registry';
import { REGISTRY_COLUMNS } from '../../electron/core/registry/registry-row';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { fileRef, tempFolder } from '../support/registry-files';
import { writeRegistry } from '../support/registry-generator';

/**
 * The import reads and checks the file in a worker thread while it writes (checked-batches.ts):
 * an import stopped by a cancel or a crash, then continued, must leave exactly what one
 * uninterrupted import leaves.
 */
describeEachDb('registry import: stopped and continued, as if uninterrupted', (kind) => {
  let whole: TestCore;
  let stopped: TestCore;
  let files: ReturnType<typeof tempFolder>;

  beforeEach(async () => {
    whole = await openTestCore(kind);
    stopped = await openTestCore(kind);
    files = tempFolder();
  });
  afterEach(async () => {
    files.cleanup();
    await whole.dispose();
    await stopped.dispose();
  });

  /** Imports through the contract; cancels once `cancelAt` rows are written, or when the step so labelled begins. */
  const importFile = async (core: TestCore, path: string, mode: 'full' | 'delta', cancelAt?: number | string) => {
    const slot = slotAs(['admin']);
    slot.emit = (event) => {
      if (event.type !== 'job.progress' || cancelAt === undefined) return;
      if (typeof cancelAt === 'number' ? event.progress.done >= cancelAt : event.progress.label === cancelAt) {
        void core.dispatch(slot, 'jobs.cancel', { jobId: 'import' });
      }
    };
    return core.dispatch(slot, 'registry.import', { file: fileRef(core, path), mode, jobId: 'import' });
  };

  /** As a power cut leaves an import: still running, held by a process that is gone. */
  const crash = async (core: TestCore) => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    await core.deps.handle.db
      .updateTable('registry_import')
      .set({ status: 'running', message: null, holder: `${hostname()}:${gone}` })
      .where('status', '=', 'cancelled')
      .execute();
  };

  /** The registry, its versions, its name search, and the import history with the rejections. */
  const state = async (core: TestCore, names: readonly string[]) => {
    const db = core.deps.handle.db;
    const persons = await db
      .selectFrom('person')
      .select(['recepisse', ...REGISTRY_COLUMNS, 'status_changed_at', 'import_id', 'effective_from', 'created_at', 'updated_at'])
      .orderBy('recepisse')
      .execute();
    const history = await db
      .selectFrom('person_history as h')
      .innerJoin('person as p', 'p.id', 'h.person_id')
      .select(['p.recepisse', 'h.import_id', 'h.replaced_at', 'h.changed', 'h.previous', 'h.effective_from'])
      .orderBy('p.recepisse')
      .orderBy('h.id')
      .execute();
    const imports = await db
      .selectFrom('registry_import')
      .select([
        'id',
        'file_name',
        'sha256',
        'mode',
        'status',
        'phase',
        'inserted',
        'updated',
        'unchanged',
        'struck_off',
        'rejected',
        'lines_total',
        'lines_done',
        'warnings',
        'message',
        'finished_at',
      ])
      .orderBy('id')
      .execute();
    const rejections = await db
      .selectFrom('registry_import_rejection')
      .select(['import_id', 'line', 'reason'])
      .orderBy('import_id')
      .orderBy('line')
      .execute();
    const client = clientFor(core, slotAs(['accueil']));
    const searches: string[][] = [];
    for (const text of names) {
      const found = await client.registry.search({ text, limit: 100 });
      expect(found.ok).toBe(true);
      searches.push(found.ok ? found.value.map((m) => m.recepisse).sort() : []);
    }
    const seen = await db.selectFrom('registry_import_seen').select('recepisse').execute();
    return {
      persons,
      history: history.map((h) => ({ ...h, previous: JSON.parse(h.previous) as unknown })),
      imports: imports.map((i) => ({ ...i, lines_done: Number(i.lines_done), lines_total: Number(i.lines_total) })),
      rejections: rejections.map((r) => ({ ...r, line: Number(r.line) })),
      searches,
      seen,
    };
  };

  it('a first import cancelled, then crashed, then continued; then a delta cancelled and continued', { timeout: 240_000 }, async () => {
    const first = files.path('registre.csv.gz');
    const { dirty } = await writeRegistry(first, { persons: BATCH_ROWS * 3 + 700, seed: 5, dirtyRate: 0.01 });
    expect(dirty).toBeGreaterThan(0);
    // The delta: every 50th person renamed (new versions, kept history), the rest unchanged.
    const [header, ...data] = gunzipSync(readFileSync(first)).toString('utf8').trimEnd().split('\n');
    const changed = data.map((line, i) => (i % 50 === 7 && !line.startsWith('#') ? line.replace(/;/, ';Renommé-') : line));
    const delta = files.write('delta.csv', `${[header, ...changed].join('\n')}\n`);
    const names = data.slice(0, 8).map((line) => {
      const fields = line.split(';');
      return `${fields[1]} ${fields[2]?.split(' ')[0]}`;
    });

    expect(await importFile(whole, first, 'full')).toMatchObject({ ok: true, value: { resumed: false } });
    expect(await importFile(whole, delta, 'delta')).toMatchObject({ ok: true, value: { resumed: false } });

    expect(await importFile(stopped, first, 'full', BATCH_ROWS)).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await importFile(stopped, first, 'full', BATCH_ROWS * 2)).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    await crash(stopped);
    const continued = await importFile(stopped, first, 'full');
    expect(continued).toMatchObject({ ok: true, value: { resumed: true } });
    expect(await importFile(stopped, delta, 'delta', BATCH_ROWS)).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const deltaContinued = await importFile(stopped, delta, 'delta');
    expect(deltaContinued).toMatchObject({ ok: true, value: { resumed: true } });

    const expected = await state(whole, names);
    expect(expected.history.length).toBeGreaterThan(BATCH_ROWS / 50);
    expect(expected.rejections.length).toBeGreaterThan(0);
    expect(expected.searches.every((found) => found.length > 0)).toBe(true);
    expect(await state(stopped, names)).toEqual(expected);
  });

  // SQLite only: PostgreSQL keeps its indexes up to date during the import (person-indexes.ts).
  it.runIf(kind === 'sqlite')(
    'a first import stopped while it builds its indexes at the end, then crashed, then continued',
    { timeout: 240_000 },
    async () => {
      const first = files.path('registre.csv.gz');
      await writeRegistry(first, { persons: BATCH_ROWS * 2 + 300, seed: 6, dirtyRate: 0.01 });
      const [, ...data] = gunzipSync(readFileSync(first)).toString('utf8').trimEnd().split('\n');
      const names = data
        .map((line) => line.split(';')[1] ?? '')
        .filter((name) => /^\p{L}{2}/u.test(name))
        .slice(0, 8);

      expect(await importFile(whole, first, 'full')).toMatchObject({ ok: true, value: { resumed: false } });
      expect(await importFile(stopped, first, 'full', 'Index de recherche')).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
      const db = stopped.deps.handle.db;
      expect(await db.selectFrom('registry_import').select(['status', 'phase']).executeTakeFirstOrThrow()).toEqual({
        status: 'cancelled',
        phase: 'indexing',
      });
      expect(await db.selectFrom('person').select('id').execute()).toHaveLength(
        (await whole.deps.handle.db.selectFrom('person').select('id').execute()).length,
      );
      // Every row is written, the name index is not built yet: the search says so.
      const search = await clientFor(stopped, slotAs(['accueil'])).registry.search({ text: names[0]!, limit: 10 });
      expect(search).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('Registre en cours d’import') },
      });

      await crash(stopped);
      expect(await importFile(stopped, first, 'full')).toMatchObject({ ok: true, value: { resumed: true } });
      const expected = await state(whole, names);
      expect(expected.searches.every((found) => found.length > 0)).toBe(true);
      expect(await state(stopped, names)).toEqual(expected);
    },
  );

  // SQLite only: there a first import copies its batches from files staged by the reading thread
  // (stage-batch.ts, apply-staged.ts); elsewhere it takes the rows one by one, the path compared here.
  it.runIf(kind === 'sqlite')(
    'a first import staged in scratch files leaves exactly what the row-by-row writes leave, stopped and continued too',
    { timeout: 240_000 },
    async () => {
      const first = files.path('registre.csv.gz');
      // Duplicates in one batch and across batches, as the national file may hold.
      const { dirty } = await writeRegistry(first, { persons: BATCH_ROWS * 2 + 300, seed: 7, dirtyRate: 0.01 });
      expect(dirty).toBeGreaterThan(0);
      const [header, ...data] = gunzipSync(readFileSync(first)).toString('utf8').trimEnd().split('\n');
      const rows = data.filter((line) => !line.startsWith('#'));
      // Rows met again at the end: from earlier batches, and one from the same last batch.
      const again = [3, 10, BATCH_ROWS + 5, 2 * BATCH_ROWS + 10].map((i) => rows.slice(i).find((line) => /^\d{13};/.test(line))!);
      const doubled = files.write('double.csv', `${[header, ...rows, ...again].join('\n')}\n`);
      const names = rows
        .slice(0, 8)
        .map((line) => line.split(';')[1] ?? '')
        .filter((name) => /^\p{L}{2}/u.test(name));

      const rowByRow = whole.deps.handle;
      whole.deps.handle = { ...rowByRow, features: { ...rowByRow.features, stagedFirstImport: false } };
      try {
        expect(await importFile(whole, doubled, 'delta')).toMatchObject({ ok: true });
      } finally {
        whole.deps.handle = rowByRow;
      }
      expect(await importFile(stopped, doubled, 'delta', BATCH_ROWS)).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
      await crash(stopped);
      expect(await importFile(stopped, doubled, 'delta')).toMatchObject({ ok: true, value: { resumed: true } });

      const expected = await state(whole, names);
      const doubles = expected.rejections.filter((r) => r.reason.includes('en double'));
      expect(doubles.map((r) => r.line)).toEqual(expect.arrayContaining(again.map((_, i) => rows.length + 2 + i)));
      expect(expected.rejections.length).toBeGreaterThan(doubles.length);
      expect(await state(stopped, names)).toEqual(expected);
    },
  );
});
