import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { BATCH_ROWS } from '../../electron/core/registry/import-registry';
import { REGISTRY_COLUMNS } from '../../electron/core/registry/registry-row';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { fileRef, tempFolder } from '../support/registry-files';
import { writeRegistry } from '../support/registry-generator';

// A file without quotes is read without csv-parse (PlainCsv, registry-file.ts); one with a quote
// is read by csv-parse in both passes, the check pass starting over at the quote. Either way the
// import must write the same.
describeEachDb('registry import of a file with or without quotes', (kind) => {
  let files: ReturnType<typeof tempFolder>;
  const cores: TestCore[] = [];

  beforeEach(() => {
    files = tempFolder();
  });
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.dispose();
    files.cleanup();
  });

  /** Imports `path` into a new database; answers the import's answer and the registry it leaves. */
  const importInNew = async (path: string) => {
    const core = await openTestCore(kind);
    cores.push(core);
    const answer = await clientFor(core, slotAs(['admin'])).registry.import({ file: fileRef(core, path), mode: 'full' });
    const db = core.deps.handle.db;
    const persons = await db
      .selectFrom('person')
      .select(['recepisse', 'status', ...REGISTRY_COLUMNS])
      .orderBy('recepisse')
      .execute();
    const rejections = await db.selectFrom('registry_import_rejection').select(['line', 'reason']).orderBy('id').execute();
    const history = await db
      .selectFrom('registry_import')
      .select(['status', 'lines_total', 'lines_done', 'inserted', 'rejected'])
      .execute();
    return { answer, persons, rejections: rejections.map((r) => ({ ...r, line: Number(r.line) })), history };
  };

  it('imports the same rows from a file whose last row holds a quoted field as from the same file without quotes', async () => {
    const plain = files.path('sans-guillemets.csv');
    // More rows than a batch: the apply pass reads in its worker thread.
    const { rows, dirty } = await writeRegistry(plain, { persons: BATCH_ROWS + 700, seed: 23 });
    const lines = readFileSync(plain, 'utf8').split('\n');
    // The last row, before the trailer and the final newline: its family name quoted.
    const last = lines.length - 3;
    const fields = lines[last]!.split(';');
    fields[1] = `"${fields[1]}"`;
    lines[last] = fields.join(';');
    const quoted = files.write('guillemets.csv', lines.join('\n'));

    const withoutQuotes = await importInNew(plain);
    expect(withoutQuotes.answer).toMatchObject({ ok: true, value: { inserted: rows - dirty, rejectedCount: dirty } });
    expect(withoutQuotes.persons).toHaveLength(rows - dirty);
    expect(await importInNew(quoted)).toEqual(withoutQuotes);
  });
});
