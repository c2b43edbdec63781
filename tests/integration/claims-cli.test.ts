import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { closedEpisode } from '../support/claims';
import { ramed } from '../support/cli';
import { describeEachDb, openTestCore, type TestCore } from '../support/db';
import { insertPersons, somePerson } from '../support/persons';
import { importList, setFacility, TEST_TARIFFS } from '../support/reference';

describeEachDb('ramed claims', (kind) => {
  let core: TestCore;
  beforeEach(async () => {
    core = await openTestCore(kind);
    await setFacility(core, 'cscom');
    await importList(core, 'tariffs', TEST_TARIFFS);
    const [a, b] = await insertPersons(core.deps.handle.db, [somePerson(1), somePerson(2)]);
    await closedEpisode(core, a!, [{ code: 'CS-CUR' }]);
    await closedEpisode(core, b!, [{ code: 'CS-CUR' }]);
  });
  afterEach(async () => core.dispose());

  it('builds, validates, signs and exports a month', async () => {
    const db = ['--db', core.target];
    expect(await ramed('claims', 'build', ...db)).toMatchObject({ code: 2, stderr: expect.stringContaining('--month AAAA-MM') });
    const built = await ramed('claims', 'build', '--month', '2026-11', ...db);
    expect(built).toMatchObject({ code: 0, stdout: expect.stringContaining('version 1 (brouillon) : 2 épisode(s), 1 000 FCFA') });
    const validated = await ramed('claims', 'validate', '--month', '2026-11', '--json', ...db);
    expect(validated).toMatchObject({ code: 0, json: { blocking: 0, flags: [] } });
    const out = join(mkdtempSync(join(tmpdir(), 'ramed-claims-')), 'nov.json');
    expect(await ramed('claims', 'export', '--month', '2026-11', '--format', 'fhir', '--out', out, ...db)).toMatchObject({ code: 1 });
    const signed = await ramed('claims', 'sign', '--month', '2026-11', ...db);
    expect(signed).toMatchObject({ code: 0, stdout: expect.stringMatching(/signée.*\nSHA-256 : [0-9a-f]{64}/) });
    expect(await ramed('claims', 'export', '--month', '2026-11', '--format', 'fhir', '--out', out, ...db)).toMatchObject({ code: 0 });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ resourceType: 'Bundle', entry: [{}, {}] });
    const audit = await core.deps.handle.db
      .selectFrom('audit_log')
      .select('method')
      .where('method', 'like', 'claims.%')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.method)).toEqual(['claims.build', 'claims.sign']);
  });
});
