import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MAX_LINE_BYTES } from '../../electron/core/registry/checked-text';
import { openCore } from '../../electron/core/app';
import { silentLogger } from '../../electron/core/logger';
import { importRegistry } from '../../electron/core/registry/import-registry';
import type { Client } from '../../shared/contract/client';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { fileRef, HOUSEHOLD, tempFolder } from '../support/registry-files';
import { registryCsv } from '../support/registry-generator';

/** What the file reading layer refuses: a file swapped during the import, cut, not UTF-8, or with a huge line. */
describeEachDb('registry file safety', (kind) => {
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
  const importText = (
    text: string | Buffer,
    options: { mode?: 'full' | 'delta'; strict?: boolean; force?: boolean } = {},
    name = 'registre.csv',
  ) => admin.registry.import({ file: fileRef(core, files.write(name, text)), ...options });
  const snapshot = async () => ({
    persons: await db().selectFrom('person').selectAll().orderBy('recepisse').execute(),
    history: await db().selectFrom('person_history').selectAll().orderBy('id').execute(),
  });
  const names = async () =>
    (await db().selectFrom('person').select('family_name').orderBy('recepisse').execute()).map((p) => p.family_name);
  const refused = (message: RegExp | string) => ({
    ok: false,
    error: {
      code: 'INVALID_INPUT',
      message: typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message),
    },
  });
  /** Five persons from the household, the last one cut in the middle of its line. */
  const cutText = () => {
    const text = registryCsv(HOUSEHOLD);
    return text.slice(0, text.length - 40);
  };

  it('imports exactly the signed bytes, even when the file is swapped during the import', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    await admin.settings.set({ key: 'anam.publicKey', value: publicKey.export({ format: 'der', type: 'spki' }).toString('base64') });
    const signed = Buffer.from(registryCsv(HOUSEHOLD));
    const path = files.write('registre.csv', signed);
    writeFileSync(`${path}.sig`, sign(null, signed, privateKey).toString('base64'));
    const forged = registryCsv(
      HOUSEHOLD.map((r) => ({ ...r, nom: 'Faussaire' })),
      ';',
      { trailer: true },
    );
    const swapped: string[] = [];
    const hooks = {
      signal: new AbortController().signal,
      // Called once the signature is checked, before the rows are read: the moment to swap the file.
      progress: () => {
        if (swapped.length > 0) return;
        writeFileSync(files.path('faux.csv'), forged);
        renameSync(files.path('faux.csv'), path);
        writeFileSync(`${path}.sig`, 'remplacée');
        swapped.push(path);
      },
    };
    const request = { path, fileName: 'registre.csv', signaturePath: null, mode: 'full' as const, strict: false, by: 'test' };
    // A workstation with its own work folder, to see its private copy come and go.
    const workDir = files.path('travail');
    const station = await openCore({ db: core.target, clock: core.deps.clock, log: silentLogger, uploadDir: workDir });
    const copies: string[][] = [];
    const result = await importRegistry(station.deps, request, {
      ...hooks,
      progress: () => {
        copies.push(readdirSync(workDir));
        hooks.progress();
      },
    }).finally(() => station.close());

    expect(swapped).toHaveLength(1);
    expect(result).toMatchObject({ inserted: 5, signature: 'valid' });
    expect(await names()).toEqual(['Traoré', 'Diarra', 'Traoré', 'Traoré', 'Keïta']);
    const history = await db().selectFrom('registry_import').select(['sha256', 'signature']).executeTakeFirstOrThrow();
    expect(history).toEqual({ sha256: createHash('sha256').update(signed).digest('hex'), signature: 'valid' });
    // The private copy is gone once the import ends.
    expect(copies[0]).toEqual([expect.stringMatching(/^ramed-import-/)]);
    expect(readdirSync(workDir)).toEqual([]);
  });

  it.each(['full', 'delta'] as const)('refuses a plain file whose last line is cut (%s), changing nothing', async (mode) => {
    await importText(registryCsv(HOUSEHOLD.slice(0, 1)));
    const before = await snapshot();
    expect(await importText(cutText(), { mode })).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message:
          'Fichier tronqué : sa dernière ligne (ligne 6) est coupée (8 champ(s) sur 18) et le fichier ne se termine pas par un retour à la ligne. ' +
          'Demandez un nouvel exemplaire complet du fichier à l’ANAM. Aucune donnée du registre n’a été modifiée.',
      },
    });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a full import without trailer or verified signature; takes it with a matching trailer; the trailer is optional for a delta', async () => {
    await importText(registryCsv(HOUSEHOLD));
    const before = await snapshot();
    // Cut at a line end: nothing in the text shows it, only the trailer would.
    const cutAtLine = registryCsv(HOUSEHOLD.slice(0, 3));
    expect(await importText(cutAtLine, { mode: 'full' })).toMatchObject(
      refused('Import complet refusé : rien ne prouve que le fichier est entier'),
    );
    const wrongCount = `${cutAtLine}#FIN;5\n`;
    expect(await importText(wrongCount, { mode: 'full' })).toMatchObject(
      refused('Fichier incomplet : sa ligne de fin annonce 5 enregistrement(s), il en contient 3.'),
    );
    expect(await importText(wrongCount, { mode: 'delta' })).toMatchObject(refused('Fichier incomplet'));
    expect(await importText(`${cutAtLine}#FIN;3\n1111234567899;X\n`, { mode: 'full' })).toMatchObject(
      refused('des lignes suivent la ligne de fin'),
    );
    expect(await importText(`${cutAtLine}#FIN;trois\n`, { mode: 'full' })).toMatchObject(refused('Ligne de fin mal formée'));
    expect(await snapshot()).toEqual(before);
    const overview = await admin.registry.imports({});
    expect(overview.ok && overview.value.imports.slice(0, 5).map((i) => i.status)).toEqual(Array(5).fill('refused'));

    expect(await importText(cutAtLine, { mode: 'delta' })).toMatchObject({ ok: true, value: { unchanged: 3, struckOff: 0 } });
    // Two persons in five struck off: past the share a full import strikes off unasked (5 %), so confirmed.
    expect(await importText(`${cutAtLine}#FIN;3`, { mode: 'full', force: true })).toMatchObject({
      ok: true,
      value: { unchanged: 3, struckOff: 2 },
    });
    expect(await importText(registryCsv(HOUSEHOLD, '\t', { trailer: true }), { mode: 'full' })).toMatchObject({
      ok: true,
      value: { unchanged: 3, updated: 2, struckOff: 0 },
    });
  });

  it('refuses a gzip stream that ends early, in either mode', async () => {
    const whole = gzipSync(Buffer.from(registryCsv(HOUSEHOLD, ';', { trailer: true })));
    for (const mode of ['full', 'delta'] as const) {
      expect(await importText(whole.subarray(0, whole.length - 30), { mode }, 'registre.csv.gz')).toMatchObject(refused('gzip) tronqué'));
    }
    expect(await snapshot()).toEqual({ persons: [], history: [] });
  });

  it.each([
    ['plain', (text: string) => Buffer.from(text, 'latin1'), 'registre.csv'],
    ['gzip', (text: string) => gzipSync(Buffer.from(text, 'latin1')), 'registre.csv.gz'],
  ])(
    'refuses a Latin-1 file (%s) with the line of the first bad character (Aïssata, line 3), even without --strict',
    async (_name, encode, name) => {
      const haidara = { ...HOUSEHOLD[4]!, nom: 'Haïdara' };
      const text = registryCsv(
        [HOUSEHOLD[0]!, HOUSEHOLD[1]!, HOUSEHOLD[2]!, haidara].map((r) => ({ ...r, nom: r.nom === 'Traoré' ? 'Traore' : r.nom })),
      );
      for (const strict of [false, true]) {
        expect(await importText(encode(text), { strict }, name)).toEqual({
          ok: false,
          error: {
            code: 'INVALID_INPUT',
            message:
              'Fichier refusé, ligne 3 : caractères illisibles, le fichier n’est pas encodé en UTF-8 (il l’est sans doute en Latin-1 / Windows-1252). ' +
              'Demandez à l’ANAM un fichier en UTF-8, ou réenregistrez-le en UTF-8. Aucune donnée du registre n’a été modifiée.',
          },
        });
      }
      expect(await snapshot()).toEqual({ persons: [], history: [] });
      // The same names in UTF-8 are imported, and found.
      expect(await importText(Buffer.from(text, 'utf8'))).toMatchObject({ ok: true, value: { inserted: 4 } });
      const found = await admin.registry.search({ text: 'haidara', limit: 5 });
      expect(found.ok && found.value.map((p) => p.familyName)).toEqual(['Haïdara']);
    },
  );

  it('refuses a line or a record too long, with its line, changing nothing', async () => {
    await importText(registryCsv(HOUSEHOLD));
    const before = await snapshot();
    const huge = `${registryCsv(HOUSEHOLD.slice(0, 2))}1111234567899;${'A'.repeat(8 * 1024 * 1024)};x\n`;
    expect(await importText(huge)).toMatchObject(
      refused(`Fichier refusé, ligne 4 : ligne trop longue (plus de ${MAX_LINE_BYTES / 1024} Kio)`),
    );
    expect(await importText(gzipSync(huge), {}, 'registre.csv.gz')).toMatchObject(refused('ligne 4 : ligne trop longue'));
    // Short lines, but one quoted field that never ends before the limit.
    const longRecord = `${registryCsv(HOUSEHOLD.slice(0, 2))}1111234567899;"${'nom\n'.repeat(MAX_LINE_BYTES / 2)}";x\n`;
    expect(await importText(longRecord)).toMatchObject(refused(/Fichier refusé \(ligne \d+\) : enregistrement trop long/));
    expect(await snapshot()).toEqual(before);
  });
});
