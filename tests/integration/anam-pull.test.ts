import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { pullLists, type PullEnv } from '../../electron/core/anam-lists/pull';
import { startPullScheduler } from '../../electron/core/anam-lists/scheduler';
import { actingAs } from '../../electron/core/service-context';
import { setSetting, updateSettings } from '../../electron/core/settings/settings';
import { ramed } from '../support/cli';
import { startAnamListsServer, type AnamListsServer } from '../support/anam-lists-server';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { manualClock } from '../support/outbox';
import { TEST_TARIFFS } from '../support/reference';
import { HOUSEHOLD } from '../support/registry-files';
import { registryCsv } from '../support/registry-generator';

const TOKEN = 'jeton-listes';
const delta = (records: typeof HOUSEHOLD) => registryCsv(records);

describeEachDb('lists pulled from the ANAM', (kind) => {
  let core: TestCore;
  let server: AnamListsServer;
  let folder: string;
  const clock = manualClock('2026-12-01T09:00:00.000Z');
  const db = () => core.deps.handle.db;
  const env = (): PullEnv => ({
    ...actingAs(core.deps, 'planificateur'),
    fetch,
    folder,
    hooks: { progress: () => {}, signal: new AbortController().signal },
  });
  const persons = async () =>
    Number(
      (
        await db()
          .selectFrom('person')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const pulls = () => db().selectFrom('anam_pull').select(['list', 'sequence', 'file_name', 'status', 'error']).orderBy('id').execute();

  beforeEach(async () => {
    core = await openTestCore(kind, { clock });
    server = await startAnamListsServer({ token: TOKEN });
    folder = mkdtempSync(join(tmpdir(), 'ramed-pull-'));
    server.clientFolder = folder;
    // The contract's pulls keep their downloads under the user data folder.
    process.env.RAMED_HOME = folder;
    const values = { 'anam.endpoint': server.url, 'anam.token': TOKEN, 'anam.timeoutMs': 5000, 'anam.publicKey': server.publicKey };
    await updateSettings(actingAs(core.deps, 'test'), { values });
  });
  afterEach(async () => {
    await server.close();
    await core.dispose();
    rmSync(folder, { recursive: true, force: true });
    delete process.env.RAMED_HOME;
  });

  it('applies registry deltas in sequence through the registry import, then asks only for newer ones', async () => {
    server.publish('registry', 'registre-delta-000002.csv', delta(HOUSEHOLD.slice(4)), { sequence: 2 });
    server.publish('registry', 'registre-delta-000001.csv', delta(HOUSEHOLD.slice(0, 4)), { sequence: 1 });
    expect(await pullLists(env(), ['registry'])).toEqual({
      configured: true,
      lists: [{ list: 'registry', files: 2, applied: 2, error: null }],
    });
    expect(await persons()).toBe(HOUSEHOLD.length);
    // The same import as a file picked by hand: its history, with the signature checked.
    const imports = await db().selectFrom('registry_import').select(['file_name', 'mode', 'signature', 'status']).orderBy('id').execute();
    expect(imports).toEqual([
      { file_name: 'registre-delta-000001.csv', mode: 'delta', signature: 'valid', status: 'done' },
      { file_name: 'registre-delta-000002.csv', mode: 'delta', signature: 'valid', status: 'done' },
    ]);
    expect(await pulls()).toEqual([
      { list: 'registre', sequence: 1, file_name: 'registre-delta-000001.csv', status: 'applique', error: null },
      { list: 'registre', sequence: 2, file_name: 'registre-delta-000002.csv', status: 'applique', error: null },
    ]);
    expect(readdirSync(folder)).toEqual([]);

    expect(await pullLists(env(), ['registry'])).toMatchObject({ lists: [{ files: 0, applied: 0, error: null }] });
    expect(server.requests.filter((r) => r.path.startsWith('/fhir/registry')).map((r) => r.path)).toEqual([
      '/fhir/registry/deltas?after=0',
      '/fhir/registry/deltas?after=2',
    ]);
  });

  it('resumes an interrupted download with Range and applies it once complete', async () => {
    const content = delta(HOUSEHOLD);
    server.publish('registry', 'registre-delta-000001.csv', content, { sequence: 1 });
    server.cutAfter.set('registre-delta-000001.csv', 300);
    const first = await pullLists(env(), ['registry']);
    expect(first.lists[0]).toMatchObject({
      applied: 0,
      error: expect.stringMatching(/^registre-delta-000001\.csv : téléchargement incomplet|^ANAM injoignable/),
    });
    expect(await persons()).toBe(0);
    expect(existsSync(join(folder, 'registre-delta-000001.csv.part'))).toBe(true);

    expect((await pullLists(env(), ['registry'])).lists[0]).toMatchObject({ applied: 1, error: null });
    const downloads = server.requests.filter((r) => r.path === '/fhir/files/registre-delta-000001.csv');
    expect(downloads).toEqual([
      { path: '/fhir/files/registre-delta-000001.csv', range: null },
      { path: '/fhir/files/registre-delta-000001.csv', range: 'bytes=300-' },
    ]);
    expect(await persons()).toBe(HOUSEHOLD.length);
  });

  it('starts over when the server ignores Range, and refuses a file whose SHA-256 is not the one announced', async () => {
    server.publish('registry', 'registre-delta-000001.csv', delta(HOUSEHOLD), { sequence: 1 });
    server.cutAfter.set('registre-delta-000001.csv', 300);
    server.ignoreRange = true;
    expect((await pullLists(env(), ['registry'])).lists[0]).toMatchObject({ applied: 0 });
    expect((await pullLists(env(), ['registry'])).lists[0]).toMatchObject({ applied: 1, error: null });
    expect(server.requests.filter((r) => r.path.startsWith('/fhir/files/registre-delta-000001.csv')).map((r) => r.range)).toEqual([
      null,
      'bytes=300-',
      null,
    ]);
    expect(await persons()).toBe(HOUSEHOLD.length);

    server.publish('registry', 'registre-delta-000002.csv', delta(HOUSEHOLD.slice(0, 1)), { sequence: 2 });
    server.announcedSha256.set('registre-delta-000002.csv', '0'.repeat(64));
    const report = await pullLists(env(), ['registry']);
    expect(report.lists[0]!.error).toBe(
      'registre-delta-000002.csv : empreinte SHA-256 différente de celle annoncée par l’ANAM : fichier altéré, il sera téléchargé à nouveau.',
    );
    expect(readdirSync(folder)).toEqual([]);
    expect((await pulls()).map((p) => [p.sequence, p.status])).toEqual([
      [1, 'applique'],
      [2, 'refuse'],
    ]);
  });

  it('refuses a file whose signature is not the ANAM’s: nothing changed, the next deltas are not applied, the reason recorded', async () => {
    const stranger = generateKeyPairSync('ed25519').privateKey;
    server.publish('registry', 'registre-delta-000001.csv', delta(HOUSEHOLD.slice(0, 4)), { sequence: 1, signedBy: stranger });
    server.publish('registry', 'registre-delta-000002.csv', delta(HOUSEHOLD.slice(4)), { sequence: 2 });
    const report = await pullLists(env(), ['registry']);
    expect(report.lists[0]).toEqual({
      list: 'registry',
      files: 2,
      applied: 0,
      error: 'registre-delta-000001.csv : signature invalide : le fichier ne vient pas de l’ANAM ou a été modifié.',
    });
    expect(await persons()).toBe(0);
    expect(await db().selectFrom('registry_import').select('id').execute()).toEqual([]);
    expect(await pulls()).toEqual([
      { list: 'registre', sequence: 1, file_name: 'registre-delta-000001.csv', status: 'refuse', error: report.lists[0]!.error },
    ]);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('pulls the tariff list through the tariff import, once, and shows the French reason of a refused list', async () => {
    server.publish('tariffs', 'tarifs-2026-12.csv', TEST_TARIFFS);
    server.publish('medicines', 'medicaments-2026-12.csv', 'pas;un;fichier\n1;2;3');
    const admin = clientFor(core, slotAs(['admin']));
    const first = await admin.anam.pull({ list: 'all' });
    expect(first).toMatchObject({
      ok: true,
      value: {
        configured: true,
        lists: [
          { list: 'registry', files: 0, applied: 0, error: null },
          { list: 'tariffs', files: 1, applied: 1, error: null },
          { list: 'medicines', files: 1, applied: 0, error: expect.stringMatching(/^medicaments-2026-12\.csv : /) },
        ],
      },
    });
    const tariffs = await admin.tariffs.list({ date: '2026-12-01', level: 'cscom' });
    expect(tariffs.ok && tariffs.value.some((t) => t.code === 'CS-CUR')).toBe(true);
    expect((await admin.anam.pull({ list: 'tariffs' })).ok && (await pulls()).filter((p) => p.list === 'tarifs')).toEqual([
      { list: 'tarifs', sequence: null, file_name: 'tarifs-2026-12.csv', status: 'applique', error: null },
    ]);
    const history = await admin.anam.pulls({});
    expect(history.ok && history.value.map((p) => [p.list, p.status])).toEqual([
      ['medicaments', 'refuse'],
      ['tarifs', 'applique'],
    ]);
  });

  it('ramed pull: the lists pulled, exit 1 when one is refused, exit 2 for an unknown list', async () => {
    const db = ['--db', core.target];
    server.publish('tariffs', 'tarifs-2026-12.csv', TEST_TARIFFS);
    expect(await ramed('pull', 'registres', ...db)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Liste inconnue : registres'),
    });
    expect(await ramed('pull', 'tariffs', ...db)).toMatchObject({ code: 0, stdout: 'Tarifs : 1 fichier(s) appliqué(s) sur 1\n' });
    expect(await ramed('pull', ...db)).toMatchObject({ code: 0, stdout: 'Registre : à jour\nTarifs : à jour\nMédicaments : à jour\n' });
    server.publish('medicines', 'medicaments-2026-12.csv', 'pas;un;fichier\n1;2;3');
    expect(await ramed('pull', 'medicines', ...db)).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/^Médicaments : 0 fichier\(s\) appliqué\(s\) sur 1 – medicaments-2026-12\.csv : /),
    });
  });

  it('pulls on a schedule: soon after start, then not again before anam.pullHours have passed', async () => {
    server.publish('tariffs', 'tarifs-2026-12.csv', TEST_TARIFFS);
    const scheduler = startPullScheduler(core, { firstCheckMs: 10, checkEveryMs: 50 });
    try {
      await expect.poll(async () => (await pulls()).length, { timeout: 10_000 }).toBe(1);
      // The pass goes on to the lists after the tariffs: counted once it has ended (its audit row).
      const passes = async () => (await db().selectFrom('audit_log').select('id').where('method', '=', 'anam.pull').execute()).length;
      await expect.poll(passes, { timeout: 10_000 }).toBe(1);
      const asked = server.requests.length;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(server.requests.length).toBe(asked);
      clock.advance(24 * 3_600_000);
      await expect.poll(() => server.requests.length, { timeout: 10_000 }).toBeGreaterThan(asked);
    } finally {
      await scheduler.stop();
    }
    const audit = await db().selectFrom('audit_log').select(['actor_login', 'outcome']).where('method', '=', 'anam.pull').execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(audit.every((a) => a.actor_login === 'planificateur' && a.outcome === 'ok')).toBe(true);
  });

  it('does nothing offline and nothing without an address', async () => {
    await server.close();
    expect(await pullLists(env(), ['registry', 'tariffs'])).toEqual({
      configured: true,
      lists: [
        { list: 'registry', files: 0, applied: 0, error: 'ANAM injoignable (pas de réseau ?) : nouvel essai au prochain téléchargement.' },
        { list: 'tariffs', files: 0, applied: 0, error: 'ANAM injoignable (pas de réseau ?) : nouvel essai au prochain téléchargement.' },
      ],
    });
    await setSetting(actingAs(core.deps, 'test'), { key: 'anam.endpoint', value: '' });
    expect(await pullLists(env(), ['registry'])).toEqual({ configured: false, lists: [] });
    expect(await pulls()).toEqual([]);
  });
});
