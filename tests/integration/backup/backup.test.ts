import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../electron/core/audit/audit-log';
import { openDatabase } from '../../../electron/core/db/connect';
import { LATEST_SCHEMA } from '../../../electron/core/db/migrate';
import type { BackupManifest } from '../../../shared/domain/backup';
import { backupFixture, insertPersons, unwrap, type BackupFixture } from '../../support/backup';

describe('backups [sqlite]', () => {
  let f: BackupFixture;
  beforeEach(async () => {
    f = await backupFixture();
  });
  afterEach(async () => f.dispose());

  it('writes a verified backup named after the facility and the time, with its manifest', async () => {
    const result = unwrap(await f.ramed.backup.create({}));
    expect(result.path).toBe(join(f.folder, 'ramed-CS-BANCONI-20261116-093000.db'));
    const manifest = JSON.parse(readFileSync(`${result.path}.manifest.json`, 'utf8')) as BackupManifest;
    expect(manifest).toEqual(result.manifest);
    expect(manifest).toMatchObject({
      format: 'ramed-backup',
      file: 'ramed-CS-BANCONI-20261116-093000.db',
      size: statSync(result.path).size,
      schemaVersion: LATEST_SCHEMA,
      appVersion: f.core.deps.appVersion,
      facility: { code: 'CS-BANCONI', name: 'CSCOM CS-BANCONI' },
      createdAt: '2026-11-16T09:30:00.000Z',
    });
    expect(readdirSync(f.folder).sort()).toEqual([manifest.file, `${manifest.file}.manifest.json`]);

    const overview = unwrap(await f.ramed.backup.overview({}));
    expect(overview.backups).toEqual([{ name: manifest.file, state: 'verified', manifest, size: manifest.size }]);
    expect(overview.runs[0]).toMatchObject({ outcome: 'ok', by: 'awa', file: result.path });
    expect(unwrap(await f.ramed.backup.verify({ name: manifest.file }))).toEqual({ ok: true, manifest });

    const audit = await f.core.deps.handle.db.selectFrom('audit_log').selectAll().where('method', '=', 'backup.create').execute();
    expect(audit).toEqual([expect.objectContaining({ outcome: 'ok', entity: 'backup', entity_id: manifest.file })]);
  });

  it('gives a consistent copy while writes go on in parallel', async () => {
    const db = f.core.deps.handle.db;
    await insertPersons(db, 0, 40_000);
    let next = 40_000;
    let writing = true;
    let backupRunning = false;
    let committedDuringBackup = 0;
    // Two writers as at a busy desk: batches of 5 persons, and audited settings changes.
    const persons = (async () => {
      while (writing) {
        await insertPersons(db, next, 5);
        next += 5;
        if (backupRunning) committedDuringBackup += 1;
      }
    })();
    const settings = (async () => {
      for (let i = 0; writing; i++) unwrap(await f.ramed.settings.set({ key: 'lock.inactivityMinutes', value: String((i % 200) + 1) }));
    })();
    while (next < 40_100) await new Promise((resolve) => setTimeout(resolve, 5));

    const committedBefore = next;
    const auditBefore = (await verifyAudit(db, f.core.deps.auditKey)).rows;
    backupRunning = true;
    const result = unwrap(await f.ramed.backup.create({}));
    backupRunning = false;
    writing = false;
    await Promise.all([persons, settings]);
    expect(committedDuringBackup).toBeGreaterThan(0);

    // Opened on a copy of the copy: opening sets WAL mode, which would change the backup's bytes.
    const probe = join(f.folder, 'probe.sqlite');
    copyFileSync(result.path, probe);
    const copy = await openDatabase(probe);
    try {
      expect((await sql<{ integrity_check: string }>`pragma integrity_check`.execute(copy.db)).rows).toEqual([{ integrity_check: 'ok' }]);
      const count = Number(
        (
          await copy.db
            .selectFrom('person')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      const maxId = (
        await copy.db
          .selectFrom('person')
          .select((eb) => eb.fn.max('id').as('m'))
          .executeTakeFirstOrThrow()
      ).m;
      // Every row committed before the backup is there, and no transaction is cut in half.
      expect(count).toBeGreaterThanOrEqual(committedBefore);
      expect(count % 5).toBe(0);
      expect(maxId).toBe(count);
      const audit = await verifyAudit(copy.db, f.core.deps.auditKey);
      expect(audit).toMatchObject({ ok: true });
      expect(audit.rows).toBeGreaterThanOrEqual(auditBefore);
    } finally {
      await copy.close();
    }
    expect(unwrap(await f.ramed.backup.verify({ name: result.manifest.file }))).toMatchObject({ ok: true });
  });

  it('keeps the newest generations, and removes older ones only after a newer one is verified', async () => {
    unwrap(await f.ramed.settings.set({ key: 'backup.keep', value: '3' }));
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      names.push(unwrap(await f.ramed.backup.create({})).manifest.file);
      f.clock.advance(3_600_000);
    }
    // Files that are not this facility's verified backups are left alone.
    writeFileSync(join(f.folder, 'notes.db'), 'pas une sauvegarde');
    const other = JSON.parse(readFileSync(join(f.folder, `${names[0]}.manifest.json`), 'utf8')) as BackupManifest;
    writeFileSync(join(f.folder, 'ramed-AUTRE-20200101-000000.db'), readFileSync(join(f.folder, names[0]!)));
    writeFileSync(
      join(f.folder, 'ramed-AUTRE-20200101-000000.db.manifest.json'),
      JSON.stringify({ ...other, facility: { code: 'AUTRE', name: 'Autre' }, createdAt: '2020-01-01T00:00:00.000Z' }),
    );

    // A backup that does not finish prunes nothing.
    const cancelled = f.ramed.backup.create({ jobId: 'j1' });
    unwrap(await f.ramed.jobs.cancel({ jobId: 'j1' }));
    expect(await cancelled).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(names.every((n) => existsSync(join(f.folder, n)))).toBe(true);

    const fourth = unwrap(await f.ramed.backup.create({}));
    f.clock.advance(3_600_000);
    const fifth = unwrap(await f.ramed.backup.create({}));
    expect(fourth.pruned).toEqual([names[0]]);
    expect(fifth.pruned).toEqual([names[1]]);
    const overview = unwrap(await f.ramed.backup.overview({}));
    expect(overview.backups.map((b) => [b.name, b.state])).toEqual([
      [fifth.manifest.file, 'verified'],
      [fourth.manifest.file, 'verified'],
      [names[2], 'verified'],
      ['ramed-AUTRE-20200101-000000.db', 'other-facility'],
      ['notes.db', 'no-manifest'],
    ]);
    expect(existsSync(join(f.folder, `${names[0]}.manifest.json`))).toBe(false);
    expect(overview.runs.map((r) => r.outcome)).toEqual(['ok', 'ok', 'cancelled', 'ok', 'ok', 'ok']);
    expect(readdirSync(f.folder).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('refuses plainly when the folder is not set or the key is absent, and records the failure', async () => {
    unwrap(await f.ramed.settings.set({ key: 'backup.folder', value: '' }));
    expect(await f.ramed.backup.create({})).toMatchObject({ ok: false, error: { code: 'REFUSED', message: /Aucun dossier/ } });
    unwrap(await f.ramed.settings.set({ key: 'backup.folder', value: '/media/cle-absente/sauvegardes' }));
    expect(await f.ramed.backup.create({})).toMatchObject({ ok: false, error: { message: /Branchez la clé USB/ } });
    const overview = unwrap(await f.ramed.backup.overview({}));
    expect(overview.folderState).toBe('missing');
    expect(overview.runs.map((r) => r.outcome)).toEqual(['failed', 'failed']);
    // A subfolder is created on a key that is there.
    unwrap(await f.ramed.settings.set({ key: 'backup.folder', value: join(f.folder, 'ramed') }));
    expect(await f.ramed.backup.create({})).toMatchObject({ ok: true });
  });

  it('offers a default folder beside the database, which the first backup creates once chosen', async () => {
    unwrap(await f.ramed.settings.set({ key: 'backup.folder', value: '' }));
    const offered = unwrap(await f.ramed.backup.overview({}));
    const expected = join(dirname(f.core.deps.handle.file!), 'sauvegardes');
    expect(offered).toMatchObject({ folderState: 'unset', defaultFolder: expected, nextDueAt: null });
    expect(existsSync(expected)).toBe(false);

    unwrap(await f.ramed.settings.set({ key: 'backup.folder', value: offered.defaultFolder! }));
    expect(unwrap(await f.ramed.backup.overview({}))).toMatchObject({ folder: expected, folderState: 'missing', defaultFolder: expected });
    const made = unwrap(await f.ramed.backup.create({}));
    expect(dirname(made.path)).toBe(expected);
    expect(unwrap(await f.ramed.backup.overview({})).folderState).toBe('ready');
  });
});
