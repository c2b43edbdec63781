import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Client } from '../../shared/contract/client';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { fileRef, HOUSEHOLD, tempFolder } from '../support/registry-files';
import { registryCsv, type RegistryRecord } from '../support/registry-generator';

const HOLDER = '1111234567890';

describeEachDb('registry updates: in order, guarded, tried first', (kind) => {
  let core: TestCore;
  let admin: Client;
  let files: ReturnType<typeof tempFolder>;

  beforeEach(async () => {
    core = await openTestCore(kind);
    admin = clientFor(core, slotAs(['admin']));
    files = tempFolder();
  });
  afterEach(async () => {
    files.cleanup();
    await core.dispose();
  });

  const db = () => core.deps.handle.db;
  let n = 0;
  const importFile = (
    records: ReadonlyArray<Partial<RegistryRecord>>,
    declaration: string | null,
    options: { mode?: 'full' | 'delta'; dryRun?: boolean; acceptGap?: boolean; force?: boolean } = {},
  ) => {
    const text = `${declaration === null ? '' : `${declaration}\n`}${registryCsv(records, ';', { trailer: options.mode === 'full' })}`;
    return admin.registry.import({ file: fileRef(core, files.write(`r${++n}.csv`, text)), ...options });
  };
  const declared = (sequence: number, extract: string) => `#RAMED;extraction=${extract};sequence=${sequence}`;
  const suspended = HOUSEHOLD.map((p) => (p.recepisse === HOLDER ? { ...p, statut: 'suspendu' } : p));
  /** Everything an import may change in the registry. */
  const registry = async () => ({
    persons: await db().selectFrom('person').selectAll().orderBy('recepisse').execute(),
    history: await db().selectFrom('person_history').selectAll().orderBy('id').execute(),
  });
  const holderStatus = async () =>
    (await db().selectFrom('person').select('status').where('recepisse', '=', HOLDER).executeTakeFirstOrThrow()).status;

  it('refuses an update older than the last applied one, changing nothing; the same file again is fine', async () => {
    expect(await importFile(HOUSEHOLD, declared(1, '2026-11-01'))).toMatchObject({
      ok: true,
      value: { inserted: 5, sequence: 1, extractDate: '2026-11-01', warnings: [] },
    });
    expect(await importFile(suspended, declared(2, '2026-11-08'))).toMatchObject({ ok: true, value: { updated: 1 } });
    const before = await registry();

    // The first update, sent again later (another copy): it would make the holder active again.
    const older = await importFile(HOUSEHOLD, '#RAMED;extraction=01/11/2026;sequence=1;note=copie');
    expect(older).toMatchObject({
      ok: false,
      error: {
        code: 'REFUSED',
        message: expect.stringContaining(
          'c’est la mise à jour n° 1 du 01/11/2026, plus ancienne que la dernière appliquée (n° 2 du 08/11/2026)',
        ),
      },
    });
    // A higher number with an older extract date is just as stale.
    expect(await importFile(HOUSEHOLD, declared(3, '2026-11-02'))).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    // Another file under a number already applied.
    expect(await importFile(HOUSEHOLD, declared(2, '2026-11-08'))).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', message: expect.stringContaining('déjà été appliquée avec un autre fichier') },
    });
    expect(await registry()).toEqual(before);
    expect(await holderStatus()).toBe('suspendu');
    const overview = await admin.registry.imports({});
    expect(overview.ok && overview.value.imports.slice(0, 3).map((i) => [i.status, i.sequence])).toEqual([
      ['refused', 2],
      ['refused', 3],
      ['refused', 1],
    ]);

    // The same file as the last one applied: accepted, changes nothing.
    expect(await importFile(suspended, declared(2, '2026-11-08'))).toMatchObject({ ok: true, value: { unchanged: 5, updated: 0 } });
  });

  it('asks for a confirmation when numbers are missing in the series, and notes it in the history once confirmed', async () => {
    await importFile(HOUSEHOLD, declared(1, '2026-11-01'));
    const before = await registry();
    const gap = await importFile(suspended, declared(4, '2026-11-20'));
    expect(gap).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringContaining('Il manque les mises à jour n° 2 à 3'),
        fields: { acceptGap: expect.any(String) },
      },
    });
    expect(await registry()).toEqual(before);
    const confirmed = await importFile(suspended, declared(4, '2026-11-20'), { acceptGap: true });
    expect(confirmed).toMatchObject({
      ok: true,
      value: { updated: 1, warnings: [expect.stringContaining('Appliqué sur confirmation de l’administrateur')] },
    });
    // Without a declaration, the file is applied with a warning.
    const undeclared = await importFile(HOUSEHOLD, null);
    expect(undeclared).toMatchObject({ ok: true, value: { updated: 1, warnings: [expect.stringContaining('sans ligne de déclaration')] } });
  });

  it('refuses a declaration line it cannot read, changing nothing', async () => {
    for (const line of [
      '#RAMED;sequence=1',
      '#RAMED;extraction=2026-11-01',
      '#RAMED;extraction=2026-02-30;sequence=1',
      '#RAMED;extraction=2026-11-01;sequence=-2',
    ]) {
      expect(await importFile(HOUSEHOLD, line)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringContaining('Ligne de déclaration incorrecte') },
      });
    }
    expect((await registry()).persons).toEqual([]);
  });

  it('a full import that would strike off more than the set share waits for a confirmation, and says how many', async () => {
    await importFile(HOUSEHOLD, declared(1, '2026-11-01'));
    const before = await registry();
    const oneLine = HOUSEHOLD.filter((p) => p.recepisse === HOLDER);
    const refused = await importFile(oneLine, declared(2, '2026-11-08'), { mode: 'full' });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringContaining('radierait 4 personne(s) sur 5 (80 %)'),
        fields: { force: expect.any(String) },
      },
    });
    expect(await registry()).toEqual(before);
    expect(await db().selectFrom('registry_import_seen').selectAll().execute()).toEqual([]);

    // Within the share (raised to 80 %), no question asked.
    const settings = await admin.settings.set({ key: 'registry.maxStrikeOffPercent', value: 80 });
    expect(settings.ok).toBe(true);
    const tried = await importFile(oneLine, declared(2, '2026-11-08'), { mode: 'full', dryRun: true });
    expect(tried).toMatchObject({ ok: true, value: { dryRun: true, struckOff: 4, unchanged: 1 } });
    await admin.settings.set({ key: 'registry.maxStrikeOffPercent', value: 5 });
    const forced = await importFile(oneLine, declared(2, '2026-11-08'), { mode: 'full', force: true });
    expect(forced).toMatchObject({
      ok: true,
      value: { struckOff: 4, unchanged: 1, warnings: [expect.stringContaining('Radiation de 4 absent(s) confirmée')] },
    });
  });

  it('a dry run says what would change and changes nothing; it stays in the history as such', async () => {
    await importFile(HOUSEHOLD, declared(1, '2026-11-01'));
    const before = await registry();
    const extra = { ...HOUSEHOLD[0]!, recepisse: '3333000000001', nina: '' };
    const bad = { ...HOUSEHOLD[0]!, recepisse: '3333000000002', sexe: 'X' };
    const tried = await importFile([...suspended, extra, bad], declared(2, '2026-11-08'), { dryRun: true });
    expect(tried).toMatchObject({
      ok: true,
      value: { dryRun: true, inserted: 1, updated: 1, unchanged: 4, struckOff: 0, rejectedCount: 1, sequence: 2 },
    });
    expect(await registry()).toEqual(before);
    // A dry run is not an applied update: the real one with the same number goes through.
    expect(await importFile([...suspended, extra, bad], declared(2, '2026-11-08'))).toMatchObject({
      ok: true,
      value: {
        dryRun: false,
        inserted: 1,
        updated: 1,
        unchanged: 4,
        rejectedCount: 1,
        rejected: [{ line: 9, reason: expect.stringContaining('Sexe invalide') }],
      },
    });
    const overview = await admin.registry.imports({});
    expect(overview.ok && overview.value.imports.map((i) => i.status)).toEqual(['done', 'dry_run', 'done']);
  });
});
