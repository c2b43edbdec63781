import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ramed } from '../support/cli';
import { describeEachDb, openTestCore, type TestCore } from '../support/db';
import { openEpisode } from '../support/episodes';
import { insertPersons } from '../support/persons';
import { setFacility } from '../support/reference';

describeEachDb('ramed controls', (kind) => {
  let core: TestCore;
  beforeAll(async () => {
    core = await openTestCore(kind);
    await setFacility(core, 'cscom');
    const [awa, moussa] = await insertPersons(core.deps.handle.db, [
      { recepisse: '1101000000017', family_name: 'Traoré', given_names: 'Awa' },
      { recepisse: '1101000000025', family_name: 'Keïta', given_names: 'Moussa', sex: 'M' },
    ]);
    for (const day of ['02', '03', '04'])
      await openEpisode(core, awa!, `2026-11-${day}T08:00:00.000Z`, { identityDocument: 'recepisse_seul' });
    await openEpisode(core, moussa!, '2026-11-05T08:00:00.000Z');
  }, 60_000);
  afterAll(async () => core.dispose());

  it('prints the month’s tables and writes one CSV per table; a bad month is a usage error', async () => {
    const db = ['--db', core.target];
    const dir = mkdtempSync(join(tmpdir(), 'ramed-controls-'));
    const run = await ramed('controls', '--month', '2026-11', '--csv', dir, ...db);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Contrôle des abus – novembre 2026 – 4 épisode(s) ouvert(s) dans le mois');
    expect(run.stdout).toContain('TRAORÉ Awa | 1101 0000 00017 | 3 | —');
    expect(run.stdout).toContain('accueil | 4 | 3 | 0 | 3');
    const patients = readFileSync(join(dir, 'controle-abus-2026-11-patients.csv'), 'utf8');
    expect(patients).toBe('\uFEFFPatient;Récépissé;Épisodes;Hors norme\nTRAORÉ Awa;1101 0000 00017;3;\n');
    for (const table of ['foyers', 'agents', 'prescripteurs', 'episodes-couteux']) {
      expect(readFileSync(join(dir, `controle-abus-2026-11-${table}.csv`), 'utf8').startsWith('\uFEFF')).toBe(true);
    }
    const json = await ramed('controls', '--month', '2026-11', '--json', ...db);
    expect(json.json).toMatchObject({ report: { month: '2026-11', episodes: 4, patients: [{ recepisse: '1101000000017', visits: 3 }] } });
    expect(await ramed('controls', '--month', '2026-13', ...db)).toMatchObject({ code: 2, stderr: expect.stringContaining('AAAA-MM') });
  });
});
