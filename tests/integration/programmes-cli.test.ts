import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DEFAULT_PROGRAMMES, sampleFile } from '../../electron/core/reference/sample-files';
import { closedEpisode } from '../support/claims';
import { ramed } from '../support/cli';
import { describeEachDb, openTestCore, type TestCore } from '../support/db';
import { insertPersons, somePerson } from '../support/persons';
import { importList, setFacility, TEST_TARIFFS } from '../support/reference';

describeEachDb('ramed programmes', (kind) => {
  let core: TestCore;
  beforeEach(async () => {
    core = await openTestCore(kind);
    await setFacility(core, 'csref');
    await importList(core, 'tariffs', TEST_TARIFFS);
    const [a, b] = await insertPersons(core.deps.handle.db, [somePerson(1, 'Coulibaly', 'Mariam'), somePerson(2)]);
    await closedEpisode(core, a!, [{ code: 'MA-CES' }], '2026-11-10', { type: 'maternite' });
    await closedEpisode(core, b!, [{ code: 'CS-CUR' }], '2026-11-12');
  });
  afterEach(async () => core.dispose());

  it('imports the list, lists the programmes, totals the month and writes a programme’s statement', async () => {
    const db = ['--db', core.target];
    const imported = await ramed('import-programmes', sampleFile(DEFAULT_PROGRAMMES).path, ...db);
    expect(imported).toMatchObject({ code: 0, stdout: expect.stringContaining('6 nouvelle(s) version(s)') });
    const listed = await ramed('programmes', 'list', '--date', '2026-11-10', ...db);
    expect(listed).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('2. PALU – Paludisme : enfants de moins de 5 ans et femmes enceintes'),
    });
    expect(listed.stdout).toContain('moins de 5 ans ou femme enceinte');

    const totals = await ramed('programmes', 'statement', '--month', '2026-11', ...db);
    expect(totals).toMatchObject({ code: 0, stdout: 'CESAR – Césarienne gratuite : 1 épisode(s), 1 ligne(s), 75 000 FCFA\n' });
    const dir = mkdtempSync(join(tmpdir(), 'ramed-programmes-'));
    const pdf = join(dir, 'cesar.pdf');
    expect(await ramed('programmes', 'statement', '--month', '2026-11', '--programme', 'CESAR', '--pdf', pdf, ...db)).toMatchObject({
      code: 0,
    });
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const csv = join(dir, 'cesar.csv');
    expect(await ramed('programmes', 'statement', '--month', '2026-11', '--programme', 'cesar', '--csv', csv, ...db)).toMatchObject({
      code: 0,
    });
    const rows = readFileSync(csv, 'utf8').trim().split(/\r?\n/);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(';COULIBALY Mariam;F;01/01/1990;;MA-CES;Césarienne;10/11/2026;1;75000;75000');

    expect(await ramed('programmes', 'statement', ...db)).toMatchObject({ code: 2, stderr: expect.stringContaining('--month AAAA-MM') });
    expect(
      await ramed('programmes', 'statement', '--month', '2026-11', '--programme', 'CESAR', '--pdf', pdf, '--csv', csv, ...db),
    ).toMatchObject({ code: 2, stderr: expect.stringContaining('un seul fichier') });
    const none = await ramed('programmes', 'statement', '--month', '2026-11', '--programme', 'VIH', '--csv', csv, ...db);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('Le programme VIH n’a aucune ligne sur les épisodes clos de novembre 2026.');
  });
});
