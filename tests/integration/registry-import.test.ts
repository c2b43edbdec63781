import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/app';
import { silentLogger } from '../../electron/core/logger';
import { BATCH_ROWS, importRegistry } from '../../electron/core/registry/import-registry';
import { REGISTRY_COLUMNS } from '../../electron/core/registry/registry-row';
import type { Client } from '../../shared/contract/client';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { fileRef, HOUSEHOLD, tempFolder } from '../support/registry-files';
import { registryCsv, writeRegistry } from '../support/registry-generator';

describeEachDb('registry import', (kind) => {
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
  const importFile = (
    path: string,
    options: { mode?: 'full' | 'delta'; strict?: boolean; signature?: string; jobId?: string; force?: boolean } = {},
  ) => admin.registry.import({ file: fileRef(core, path), ...options });
  const importText = (text: string | Buffer, options: Parameters<typeof importFile>[1] = {}, name = 'registre.csv') =>
    importFile(files.write(name, text), options);
  /** Everything an import may change, to prove a refused file changed nothing. */
  const snapshot = async () => ({
    persons: await db().selectFrom('person').selectAll().orderBy('recepisse').execute(),
    history: await db().selectFrom('person_history').selectAll().orderBy('id').execute(),
    seen: await db().selectFrom('registry_import_seen').selectAll().execute(),
  });
  /** Runs the import service and stops it right after its first batch, as a cancel or a crash would. */
  const importStoppedAfterOneBatch = async (path: string, mode: 'full' | 'delta') => {
    const controller = new AbortController();
    const request = { path, fileName: 'grand.csv', signaturePath: null, mode, strict: false, by: 'test' };
    const hooks = { signal: controller.signal, progress: (done: number) => done >= BATCH_ROWS && controller.abort() };
    await expect(importRegistry(core.deps, request, hooks)).rejects.toThrow('Import annulé après 5');
    expect(await db().selectFrom('person').select('id').execute()).toHaveLength(BATCH_ROWS);
  };
  const personStatus = async (recepisse: string) =>
    db()
      .selectFrom('person')
      .select(['status', 'status_changed_at', 'import_id'])
      .where('recepisse', '=', recepisse)
      .executeTakeFirstOrThrow();

  it('imports a file, and importing the same file again changes nothing', async () => {
    const first = await importText(registryCsv(HOUSEHOLD));
    expect(first).toMatchObject({
      ok: true,
      value: { inserted: 5, updated: 0, unchanged: 0, struckOff: 0, rejected: [], rejectedCount: 0, signature: 'unsigned', resumed: false },
    });
    const before = await snapshot();
    const again = await importText(registryCsv(HOUSEHOLD, ';', { trailer: true }), { mode: 'full' });
    expect(again).toMatchObject({ ok: true, value: { inserted: 0, updated: 0, unchanged: 5, struckOff: 0, rejected: [] } });
    expect(await snapshot()).toEqual(before);
    const overview = await admin.registry.imports({});
    expect(overview).toMatchObject({
      ok: true,
      value: {
        persons: 5,
        lastImportAt: '2026-11-16T09:30:00.000Z',
        imports: [
          { fileName: 'registre.csv', mode: 'full', status: 'done', unchanged: 5, byLogin: 'test', rowsTotal: 5, rowsDone: 5 },
          { mode: 'delta', status: 'done', inserted: 5, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), signature: 'unsigned' },
        ],
      },
    });
  });

  it('updates a changed person and keeps the previous version, with what changed and from which import', async () => {
    const first = await importText(registryCsv(HOUSEHOLD));
    const changed = HOUSEHOLD.map((r) =>
      r.recepisse === '1111234567890' ? { ...r, fin_validite: '2029-12-31', commune: 'Kati Koko' } : r,
    );
    const second = await importText(registryCsv(changed));
    expect(second).toMatchObject({ ok: true, value: { inserted: 0, updated: 1, unchanged: 4 } });
    const history = await admin.registry.history({ recepisse: '1111 2345 67890' });
    expect(history).toEqual({
      ok: true,
      value: [
        {
          importId: second.ok && second.value.importId,
          fileName: 'registre.csv',
          replacedAt: '2026-11-16T09:30:00.000Z',
          changed: ['validTo', 'commune'],
          previous: expect.objectContaining({
            validTo: '2026-12-31',
            commune: 'Kati',
            birthYearOnly: true,
            importId: first.ok && first.value.importId,
          }),
        },
      ],
    });
    expect(await personStatus('1111234567890')).toMatchObject({ import_id: second.ok && second.value.importId });
  });

  it('full mode strikes off the persons absent from the file, deletes nothing, and brings them back later', async () => {
    await importText(registryCsv(HOUSEHOLD));
    await db().updateTable('person').set({ status: 'radie' }).where('recepisse', '=', '2222000000001').execute();
    const withoutChild = HOUSEHOLD.filter((r) => r.recepisse !== '1111234567893' && r.recepisse !== '2222000000001');

    const delta = await importText(registryCsv(withoutChild), { mode: 'delta' });
    expect(delta).toMatchObject({ ok: true, value: { unchanged: 3, struckOff: 0 } });
    expect((await personStatus('1111234567893')).status).toBe('actif');

    // One person in four is past the share a full import strikes off unasked (5 %): confirmed.
    const full = await importText(registryCsv(withoutChild, ';', { trailer: true }), { mode: 'full', force: true });
    expect(full).toMatchObject({ ok: true, value: { unchanged: 3, struckOff: 1 } });
    expect(await personStatus('1111234567893')).toEqual({
      status: 'radie',
      status_changed_at: '2026-11-16T09:30:00.000Z',
      import_id: full.ok && full.value.importId,
    });
    expect(await db().selectFrom('person').select('id').execute()).toHaveLength(5);
    const struck = await admin.registry.history({ recepisse: '1111234567893' });
    expect(struck.ok && struck.value).toEqual([
      expect.objectContaining({ changed: ['status'], previous: expect.objectContaining({ status: 'actif' }) }),
    ]);

    const back = await importText(registryCsv(HOUSEHOLD, ';', { trailer: true }), { mode: 'full' });
    expect(back).toMatchObject({ ok: true, value: { updated: 2, unchanged: 3, struckOff: 0 } });
    expect((await personStatus('1111234567893')).status).toBe('actif');
  });

  it('a full import does not strike off a person whose row was rejected', async () => {
    await importText(registryCsv(HOUSEHOLD));
    const typo = HOUSEHOLD.map((r) => (r.recepisse === '1111234567891' ? { ...r, date_naissance: '14/13/1982' } : r));
    const full = await importText(registryCsv(typo, ';', { trailer: true }), { mode: 'full' });
    expect(full).toMatchObject({ ok: true, value: { struckOff: 0, rejectedCount: 1 } });
    expect((await personStatus('1111234567891')).status).toBe('actif');
  });

  it('reports bad rows by line with a French reason and imports the good ones', async () => {
    const text = [
      'recepisse;nom;prenoms;sexe;date_naissance;qualite;recepisse_titulaire;debut_validite;fin_validite',
      '1111234567890;Traoré;Moussa;M;1975;titulaire;;2024-01-01;2026-12-31',
      '11112345678;Coulibaly;Awa;F;1990;titulaire;;2024-01-01;2026-12-31',
      '1111234567892;Traoré;Fatoumata;F;2011-06-01;enfant;1111234567890;;',
      '1111 2345 67890;Traoré;Moussa;M;1975;titulaire;;2024-01-01;2026-12-31',
      '1111234567894;Traoré;Adama;M;31/02/2015;enfant;1111234567890;;',
      '1111234567895;Traoré;Issa;M;2015;cousin;1111234567890;;',
      '1111234567896;Traoré;Bintou;F;2015;enfant;;;',
      '1111234567897;Traoré;Awa;F;2015',
      '',
    ].join('\n');
    const result = await importText(text);
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        inserted: 2,
        rejectedCount: 6,
        rejected: [
          { line: 3, reason: 'Récépissé invalide « 11112345678 » : 13 chiffres attendus (11 saisis).' },
          { line: 5, reason: 'Récépissé 1111234567890 en double dans le fichier (déjà à la ligne 2).' },
          { line: 6, reason: 'Date de naissance invalide « 31/02/2015 » : AAAA-MM-JJ, JJ/MM/AAAA ou AAAA (année seule) attendu.' },
          { line: 7, reason: 'Qualité inconnue « cousin » : titulaire, conjoint, enfant ou admis_de_droit attendu.' },
          { line: 8, reason: 'Titulaire manquant : un enfant doit indiquer le récépissé de son titulaire (recepisse_titulaire).' },
          { line: 9, reason: 'Nombre de colonnes incorrect : 5 au lieu de 9 (séparateur ou guillemets à vérifier).' },
        ],
      }),
    });
    const page = await admin.registry.rejections({ importId: result.ok ? result.value.importId : 0, offset: 4, limit: 10 });
    expect(page).toEqual({
      ok: true,
      value: { total: 6, rows: [expect.objectContaining({ line: 8 }), expect.objectContaining({ line: 9 })] },
    });
  });

  it('strict mode refuses the whole file at the first bad row and leaves the database unchanged', async () => {
    await importText(registryCsv(HOUSEHOLD));
    const before = await snapshot();
    const rows = [...HOUSEHOLD.map((r) => ({ ...r, commune: 'Ségou' })), { ...HOUSEHOLD[2], recepisse: '3333000000001', sexe: 'X' }];
    const result = await importText(registryCsv(rows, ';', { trailer: true }), { strict: true, mode: 'full' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message:
          'Fichier refusé (mode strict), ligne 7 : Sexe invalide « X » : M ou F attendu. Aucune donnée du registre n’a été modifiée.',
      },
    });
    expect(await snapshot()).toEqual(before);
    const overview = await admin.registry.imports({});
    expect(overview.ok && overview.value.imports[0]).toMatchObject({ status: 'refused', strict: true, rejected: 1 });

    const duplicate = await importText(registryCsv([...HOUSEHOLD, HOUSEHOLD[0]!]), { strict: true });
    expect(duplicate).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('ligne 7 : Récépissé 1111234567890 en double dans le fichier (déjà à la ligne 2)') },
    });
    expect(await snapshot()).toEqual(before);

    const clean = await importText(registryCsv(HOUSEHOLD.map((r) => ({ ...r, commune: 'Ségou' }))), { strict: true });
    expect(clean).toMatchObject({ ok: true, value: { updated: 5, rejectedCount: 0 } });
  });

  it.each([
    [
      'a wrong header',
      'numero;nom;prenom\n1111234567890;Traoré;Moussa\n',
      /En-tête incorrect : colonne\(s\) obligatoire\(s\) absente\(s\) : recepisse, prenoms, sexe/,
    ],
    [
      'an unclosed quote',
      `${registryCsv(HOUSEHOLD).trim()}\n"1111234567899;Traoré;x\n`,
      /Fichier mal formé \(ligne \d+\) : un guillemet ouvert n’est jamais refermé/,
    ],
    ['an empty file', '', /Fichier vide/],
    [
      'a header alone, without trailer',
      'recepisse;nom;prenoms;sexe;date_naissance;qualite\n',
      /Import complet refusé : rien ne prouve que le fichier est entier/,
    ],
    ['a header alone, with its trailer', 'recepisse;nom;prenoms;sexe;date_naissance;qualite\n#FIN;0\n', null],
  ])('refuses %s, changing nothing', async (_name, text, message) => {
    await importText(registryCsv(HOUSEHOLD.slice(0, 1)));
    const before = await snapshot();
    const result = await importText(text, { mode: 'full' });
    if (message === null) {
      // A header alone is a well-formed empty registry: a full import would strike off everyone, so it asks first.
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('radierait 1 personne(s) sur 1 (100 %)') },
      });
      expect(await snapshot()).toEqual(before);
      expect(await importText(text, { mode: 'full', force: true })).toMatchObject({ ok: true, value: { inserted: 0, struckOff: 1 } });
      return;
    }
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) } });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a truncated gzip file, changing nothing', async () => {
    const full = gzipSync(Buffer.from(registryCsv(HOUSEHOLD)));
    const result = await importText(full.subarray(0, full.length - 12), { mode: 'full' }, 'registre.csv.gz');
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Fichier compressé (gzip) tronqué ou abîmé : demandez un nouvel exemplaire du fichier à l’ANAM.',
      },
    });
    expect(await snapshot()).toEqual({ persons: [], history: [], seen: [] });
    const overview = await admin.registry.imports({});
    expect(overview.ok && overview.value.imports[0]).toMatchObject({ status: 'refused', message: expect.stringContaining('gzip') });
  });

  it.each([
    ['commas', registryCsv(HOUSEHOLD, ',')],
    ['tabs', registryCsv(HOUSEHOLD, '\t')],
    ['a BOM and CRLF', `\uFEFF${registryCsv(HOUSEHOLD).replace(/\n/g, '\r\n')}`],
    ['gzip', gzipSync(Buffer.from(registryCsv(HOUSEHOLD)))],
  ])('reads files with %s', async (_name, content) => {
    const result = await importText(content, {}, 'registre.dat');
    expect(result).toMatchObject({ ok: true, value: { inserted: 5, rejectedCount: 0 } });
    const person = await db()
      .selectFrom('person')
      .select(['family_name', 'given_names'])
      .where('recepisse', '=', '1111234567891')
      .executeTakeFirst();
    expect(person).toEqual({ family_name: 'Diarra', given_names: 'Aïssata' });
  });

  it('warns about unknown columns and ignores them', async () => {
    const lines = registryCsv(HOUSEHOLD).trim().split('\n');
    const text = lines.map((line, i) => `${line};${i === 0 ? 'profession' : 'cultivateur'}`).join('\n');
    const result = await importText(text);
    expect(result).toMatchObject({
      ok: true,
      value: {
        inserted: 5,
        warnings: [expect.stringContaining('sans ligne de déclaration'), 'Colonne(s) inconnue(s) ignorée(s) : profession.'],
      },
    });
  });

  it('checks the Ed25519 signature when an ANAM public key is configured', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64');
    const path = files.write('registre.csv', registryCsv(HOUSEHOLD));
    const signatureOf = (bytes: Buffer) => sign(null, bytes, privateKey).toString('base64');

    writeFileSync(`${path}.sig`, signatureOf(readFileSync(path)));
    expect(await importFile(path)).toMatchObject({ ok: true, value: { signature: 'unverified' } });

    await admin.settings.set({ key: 'anam.publicKey', value: raw });
    const before = await snapshot();
    writeFileSync(`${path}.sig`, signatureOf(Buffer.from('un autre contenu')));
    expect(await importFile(path)).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', message: expect.stringContaining('signature ne correspond pas') },
    });
    writeFileSync(`${path}.sig`, 'pas du base64 valide !');
    expect(await importFile(path)).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    const unsigned = files.write('sans-signature.csv', registryCsv(HOUSEHOLD));
    expect(await importFile(unsigned)).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', message: expect.stringContaining('n’est pas signé') },
    });
    expect(await snapshot()).toEqual(before);

    writeFileSync(`${path}.sig`, `${signatureOf(readFileSync(path))}\n`);
    expect(await importFile(path, { mode: 'full' })).toMatchObject({ ok: true, value: { signature: 'valid', unchanged: 5 } });
    const apart = files.write('signature-a-part.txt', signatureOf(readFileSync(unsigned)));
    expect(await importFile(unsigned, { signature: fileRef(core, apart) })).toMatchObject({ ok: true, value: { signature: 'valid' } });

    const overview = await admin.registry.imports({});
    expect(overview.ok && overview.value.imports.map((i) => `${i.status}:${i.signature}`)).toEqual([
      'done:valid',
      'done:valid',
      'refused:missing',
      'refused:invalid',
      'refused:invalid',
      'done:unverified',
    ]);

    await admin.settings.set({ key: 'anam.publicKey', value: 'pas-une-cle' });
    expect(await importFile(path)).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', message: expect.stringContaining('anam.publicKey') },
    });
  });

  it('reports progress, stops when cancelled, and the same file then continues where it stopped', async () => {
    const path = files.path('grand.csv.gz');
    const { rows } = await writeRegistry(path, { persons: BATCH_ROWS * 2 + 500, seed: 7 });
    const events: Array<{ done: number; total: number | null; label: string }> = [];
    const slot = slotAs(['admin']);
    slot.emit = (event) => {
      if (event.type !== 'job.progress') return;
      events.push(event.progress);
      if (event.progress.done >= BATCH_ROWS) void core.dispatch(slot, 'jobs.cancel', { jobId: 'import-1' });
    };
    const cancelled = await core.dispatch(slot, 'registry.import', { file: fileRef(core, path), mode: 'full', jobId: 'import-1' });
    expect(cancelled).toMatchObject({
      ok: false,
      error: { code: 'CANCELLED', message: expect.stringContaining('Relancez le même fichier') },
    });
    expect(events[0]).toEqual({ jobId: 'import-1', done: 0, total: null, label: 'Vérification du fichier' });
    // The cancel lands at a batch boundary: the one in flight when it arrived may still commit.
    const last = events.at(-1)!;
    expect(last).toMatchObject({ jobId: 'import-1', total: rows, label: 'Import des lignes' });
    expect(last.done % BATCH_ROWS).toBe(0);
    expect(last.done).toBeGreaterThanOrEqual(BATCH_ROWS);
    expect(last.done).toBeLessThan(rows);
    expect(await db().selectFrom('person').select('id').execute()).toHaveLength(last.done);

    const resumed = await importFile(path, { mode: 'full' });
    expect(resumed).toMatchObject({ ok: true, value: { resumed: true, inserted: rows, unchanged: 0, struckOff: 0 } });
    expect(await db().selectFrom('person').select('id').execute()).toHaveLength(rows);
    expect(await db().selectFrom('registry_import_seen').select('line').execute()).toEqual([]);
  });

  it('a first import (stopped, then continued) writes what an import into a filled registry writes', async () => {
    const path = files.path('grand.csv');
    await writeRegistry(path, { persons: BATCH_ROWS + 300, seed: 11 });
    const text = readFileSync(path, 'utf8');
    const [header, first, ...rest] = text.trim().split('\n');
    const fields = first!.split(';');
    fields[1] = `${fields[1]}-Keïta`;
    const changedPath = files.write('change.csv', [header, fields.join(';'), ...rest].join('\n'));
    const household = new Set(HOUSEHOLD.map((r) => r.recepisse));
    const registryColumns = ['recepisse', ...REGISTRY_COLUMNS] as const;
    /** What both registries hold of the file's persons, their search results, their history. */
    const state = async (target: TestCore) => {
      const client = clientFor(target, slotAs(['accueil']));
      const searches = [];
      for (const text of ['coulibaly awa', 'keita mou', 'kone aminata', 'ba ous', `${fields[1]} keita`]) {
        const found = await client.registry.search({ text, limit: 100 });
        // The same persons found; their order may differ, as ranking weighs each name against the whole registry.
        const recepisses = found.ok ? found.value.map((m) => m.recepisse).filter((r) => !household.has(r)) : [];
        // Fewer than the limit: the whole answer is compared, whatever the ranking.
        expect(recepisses.length).toBeLessThan(100);
        searches.push(recepisses.sort());
      }
      const persons = await target.deps.handle.db.selectFrom('person').select(registryColumns).orderBy('recepisse').execute();
      const history = await target.deps.handle.db.selectFrom('person_history').select(['changed', 'previous']).orderBy('id').execute();
      return {
        persons: persons.filter((p) => !household.has(p.recepisse)),
        searches,
        history: history.map((h) => ({ changed: h.changed, previous: { ...JSON.parse(h.previous), import_id: null } })),
      };
    };

    await importStoppedAfterOneBatch(path, 'full');
    const firstRun = await importFile(path, { mode: 'full' });
    expect(firstRun).toMatchObject({ ok: true, value: { resumed: true, updated: 0, unchanged: 0 } });
    const other = await openTestCore(kind);
    try {
      const otherAdmin = clientFor(other, slotAs(['admin']));
      const otherImport = (file: string, mode: 'full' | 'delta') => otherAdmin.registry.import({ file: fileRef(other, file), mode });
      expect(await otherImport(files.write('foyer.csv', registryCsv(HOUSEHOLD)), 'delta')).toMatchObject({ ok: true });
      const filled = await otherImport(path, 'delta');
      expect(filled.ok && filled.value).toEqual(firstRun.ok && { ...firstRun.value, importId: 2, resumed: false });
      expect(await state(core)).toEqual(await state(other));

      const changed = await importFile(changedPath, { mode: 'delta' });
      expect(changed).toMatchObject({ ok: true, value: { updated: 1, inserted: 0 } });
      expect(await otherImport(changedPath, 'delta')).toMatchObject({ ok: true, value: { updated: 1, inserted: 0 } });
      const after = await state(core);
      expect(after.history).toHaveLength(1);
      expect(after.searches.at(-1)).toContain(fields[0]);
      expect(after).toEqual(await state(other));
    } finally {
      await other.dispose();
    }
  });

  it('continues an import whose workstation died, but refuses to start beside a live one', async () => {
    const path = files.path('grand.csv');
    const { rows } = await writeRegistry(path, { persons: BATCH_ROWS + 200, seed: 3 });
    await importStoppedAfterOneBatch(path, 'delta');
    // As a power cut leaves it: still running, its last heartbeat recent.
    await db().updateTable('registry_import').set({ status: 'running', heartbeat_at: '2026-11-16T09:29:30.000Z' }).execute();
    expect(await importFile(path)).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message:
          'Un import du registre est déjà en cours (« grand.csv », lancé par test) : attendez qu’il se termine. ' +
          'S’il a été interrompu (poste arrêté, commande coupée), relancez le même fichier à partir de 09:31 : l’import reprendra où il s’est arrêté.',
      },
    });

    await db().updateTable('registry_import').set({ heartbeat_at: '2026-11-16T09:00:00.000Z' }).execute();
    expect(await importFile(path)).toMatchObject({ ok: true, value: { resumed: true, inserted: rows } });
  });

  it('continues at once an import whose process on this machine is gone, whatever its heartbeat', async () => {
    const path = files.path('grand.csv');
    const { rows } = await writeRegistry(path, { persons: BATCH_ROWS + 200, seed: 3 });
    await importStoppedAfterOneBatch(path, 'delta');
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const recent = { status: 'running' as const, heartbeat_at: '2026-11-16T09:29:30.000Z' };
    // Another machine's process cannot be checked: its recent heartbeat still holds the newcomer off.
    await db()
      .updateTable('registry_import')
      .set({ ...recent, holder: `autre-poste:${gone}` })
      .execute();
    expect(await importFile(path)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // This machine's process still alive (here, the test itself): refused too.
    await db()
      .updateTable('registry_import')
      .set({ ...recent, holder: `${hostname()}:${process.pid}` })
      .execute();
    expect(await importFile(path)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await db()
      .updateTable('registry_import')
      .set({ ...recent, holder: `${hostname()}:${gone}` })
      .execute();
    expect(await importFile(path)).toMatchObject({ ok: true, value: { resumed: true, inserted: rows } });
    expect(await db().selectFrom('registry_import').select('holder').execute()).toEqual([{ holder: `${hostname()}:${process.pid}` }]);
  });

  it('starts afresh (and safely) when a different file replaces a dead import', async () => {
    const path = files.path('grand.csv');
    await writeRegistry(path, { persons: BATCH_ROWS + 200, seed: 3 });
    await importStoppedAfterOneBatch(path, 'full');
    await db().updateTable('registry_import').set({ status: 'running', heartbeat_at: '2026-11-16T09:00:00.000Z' }).execute();

    expect(await importText(registryCsv(HOUSEHOLD))).toMatchObject({ ok: true, value: { inserted: 5, resumed: false } });
    const overview = await admin.registry.imports({});
    expect(overview.ok && overview.value.imports.map((i) => i.status)).toEqual(['done', 'interrupted']);
    expect(await db().selectFrom('registry_import_seen').select('line').execute()).toEqual([]);
  });

  it('lets only one of two workstations import at a time', async () => {
    const other: Core = await openCore({ db: core.target, clock: core.deps.clock, log: silentLogger });
    try {
      const path = files.path('grand.csv');
      const { rows } = await writeRegistry(path, { persons: 3000, seed: 5 });
      let second: Promise<unknown> | null = null;
      const slot = slotAs(['admin']);
      // The second workstation starts while the first is reading the file.
      slot.emit = () => {
        second ??= other.dispatch(slotAs(['admin']), 'registry.import', { file: fileRef(other, path) });
      };
      const first = await core.dispatch(slot, 'registry.import', { file: fileRef(core, path), jobId: 'a' });
      expect(first).toMatchObject({ ok: true, value: { inserted: rows } });
      expect(await second).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('déjà en cours') } });
    } finally {
      await other.close();
    }
  });

  it('is for administrators only, and audited', async () => {
    const path = files.write('registre.csv', registryCsv(HOUSEHOLD));
    const accueil = clientFor(core, slotAs(['accueil']));
    expect(await accueil.registry.import({ file: fileRef(core, path) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const done = await importFile(path);
    const audit = await db()
      .selectFrom('audit_log')
      .select(['method', 'outcome', 'entity', 'entity_id', 'summary'])
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => `${a.method}:${a.outcome}`)).toEqual(['registry.import:denied', 'registry.import:ok']);
    expect(audit[1]).toMatchObject({ entity: 'registry_import', entity_id: String(done.ok && done.value.importId) });
    expect(JSON.parse(audit[1]!.summary).detail).toMatchObject({ fileName: 'registre.csv', inserted: 5, rejected: 0 });
  });
});
