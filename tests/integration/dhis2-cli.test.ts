import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runDemo } from '../../electron/core/demo/demo';
import { dhis2DataValueSet } from '../../shared/rules/dhis2/data-value-set';
import { DEFAULT_DHIS2_MAPPING } from '../../shared/rules/dhis2/mapping';
import { ramed } from '../support/cli';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { metadataFor, startDhis2StandIn } from '../support/dhis2-server';

// The demo's June (claimed, answered, paid) is over whatever day the CLI's own clock reads after 2026.
describeEachDb('ramed stats --dhis2', (kind) => {
  let core: TestCore;
  beforeAll(async () => {
    core = await openTestCore(kind);
    await runDemo(core.deps, { month: '2026-11', episodes: 30 });
  }, 120_000);
  afterAll(async () => core.dispose());

  it('writes the month’s dataValueSet, the same as the screen’s, and refuses a year', async () => {
    const db = ['--db', core.target];
    const out = join(mkdtempSync(join(tmpdir(), 'ramed-dhis2-')), 'juin.json');
    const run = await ramed('stats', '--month', '2026-06', '--dhis2', out, ...db);
    expect(run).toMatchObject({ code: 0, stdout: expect.stringMatching(/DHIS2 202606, unité DEMO01 : \d+ valeurs/) });
    expect(run.stdout).toContain(`Écrit : ${out}`);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(dhis2DataValueSet.safeParse(written).success).toBe(true);
    const preview = await clientFor(core, slotAs(['gestionnaire'])).statistics.snisPreview({ month: '2026-06' });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(written).toEqual(JSON.parse(Buffer.from(preview.value.file.base64, 'base64').toString('utf8')));
    expect(written.dataValues.length).toBeGreaterThan(10);

    expect(await ramed('stats', '--year', '2026', '--dhis2', out, ...db)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--month AAAA-MM'),
    });
    expect(await ramed('stats', '--month', '2026-06', '--dry-run', ...db)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--dhis2-send'),
    });
  });

  it('sends to DHIS2: exit 0 when all is imported, 1 with conflicts, each shown', async () => {
    const targets = Object.values(DEFAULT_DHIS2_MAPPING.values);
    const preview = await clientFor(core, slotAs(['gestionnaire'])).statistics.snisPreview({ month: '2026-06' });
    if (!preview.ok) throw new Error(preview.error.message);
    const dhis2 = await startDhis2StandIn({
      metadata: metadataFor({
        dataElements: [...new Set(targets.map((t) => t.dataElement))],
        categoryOptionCombos: preview.value.values.flatMap((v) => (v.categoryOptionCombo ? [v.categoryOptionCombo] : [])),
        orgUnits: ['DEMO01'],
      }),
    });
    try {
      const db = ['--db', core.target];
      for (const [key, value] of [
        ['dhis2.url', `${dhis2.url}/api`],
        ['dhis2.username', dhis2.username],
        ['dhis2.password', dhis2.password],
      ])
        expect(await ramed('settings', 'set', key!, value!, ...db)).toMatchObject({ code: 0 });
      const n = preview.value.values.length;
      const ok = await ramed('stats', '--month', '2026-06', '--dhis2-send', '--dry-run', ...db);
      expect(ok).toMatchObject({
        code: 0,
        stdout: expect.stringContaining(`Envoi DHIS2 (essai, rien enregistré par le DHIS2) : importé (HTTP 200) – ${n} importées`),
      });
      expect(dhis2.values.size).toBe(0);
      delete dhis2.metadata.dataElements['RAMED_MONTANT_PAYE'];
      const warned = await ramed('stats', '--month', '2026-06', '--dhis2-send', '--json', ...db);
      expect(warned).toMatchObject({ code: 1, json: { dhis2Send: { status: 'WARNING', httpStatus: 409, imported: n - 1, ignored: 1 } } });
      expect(dhis2.values.size).toBe(n - 1);
      dhis2.password = 'changé';
      expect(await ramed('stats', '--month', '2026-06', '--dhis2-send', ...db)).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('HTTP 401'),
      });
    } finally {
      await dhis2.close();
    }
  });
});
