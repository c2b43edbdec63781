import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/app';
import { openSqliteFile } from '../../../electron/core/backup/sqlite-file';
import { silentLogger } from '../../../electron/core/logger';
import { ramed } from '../../support/cli';
import { describeEachDb, preparedDatabase, slotAs } from '../../support/db';

describe('ramed backup and restore [sqlite]', () => {
  let dir: string;
  let db: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ramed-cli-backup-'));
    db = join(dir, 'ramed.db');
    const init = await ramed('init', '--db', db, '--facility-code', 'CS01', '--facility-name', 'CSCOM de Test', '--level', 'cscom');
    expect(init.code).toBe(0);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up to a file, then restores it', async () => {
    const out = join(dir, 'copie.db');
    const backup = await ramed('backup', '--out', out, '--db', db, '--json');
    expect(backup).toMatchObject({ code: 0, json: { path: out, manifest: { file: 'copie.db', facility: { code: 'CS01' } }, pruned: [] } });
    expect(existsSync(`${out}.manifest.json`)).toBe(true);

    expect((await ramed('settings', 'set', 'registry.freshnessDays', '30', '--db', db)).code).toBe(0);
    const restore = await ramed('restore', out, '--db', db);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/Base restaurée depuis .*copie\.db \(sauvegarde du \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    expect(restore.stdout).toMatch(/L'ancienne base est gardée ici : .*ramed\.db\.avant-restauration-/);
    const got = await ramed('settings', 'get', 'registry.freshnessDays', '--db', db, '--json');
    expect(got.json).toMatchObject({ value: 45, isDefault: true });
  });

  it('restores onto a new workstation that has no database yet', async () => {
    const out = join(dir, 'copie.db');
    expect((await ramed('backup', '--out', out, '--db', db)).code).toBe(0);
    const fresh = join(dir, 'neuf', 'ramed.db');
    expect((await ramed('restore', out, '--db', fresh)).code).toBe(0);
    // The new base is the restored one: its facility is there, its audit chain intact.
    const again = await ramed('backup', '--out', join(dir, 'verif.db'), '--db', fresh, '--json');
    expect(again.json).toMatchObject({ manifest: { facility: { code: 'CS01', name: 'CSCOM de Test' } } });
    expect(await ramed('audit', 'verify', '--db', fresh)).toMatchObject({ code: 0 });
  });

  it('backs up into the backup folder without --out', async () => {
    const folder = join(dir, 'cle');
    expect((await ramed('settings', 'set', 'backup.folder', folder, '--db', db)).code).toBe(0);
    const backup = await ramed('backup', '--db', db);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/Sauvegarde vérifiée : .*ramed-CS01-\d{8}-\d{6}\.db/);
    expect(readdirSync(folder)).toHaveLength(2);
  });

  it('refuses a truncated backup with exit code 1 and changes nothing', async () => {
    const out = join(dir, 'copie.db');
    expect((await ramed('backup', '--out', out, '--db', db)).code).toBe(0);
    truncateSync(out, 4096);
    const restore = await ramed('restore', out, '--db', db, '--json');
    expect(restore).toMatchObject({ code: 1, json: { error: { code: 'REFUSED', message: expect.stringMatching(/incomplète/) } } });
    expect(readdirSync(dir).filter((n) => n.includes('restauration'))).toEqual([]);
  });

  it('backup --out goes through the contract: audited like any backup', async () => {
    const out = join(dir, 'copie.db');
    expect((await ramed('backup', '--out', out, '--db', db)).code).toBe(0);
    const file = await openSqliteFile(db, 'read');
    try {
      const rows = await file.all<{ method: string; entity_id: string; outcome: string; summary: string }>(
        "select method, entity_id, outcome, summary from audit_log where method = 'backup.create'",
      );
      expect(rows).toEqual([expect.objectContaining({ method: 'backup.create', entity_id: 'copie.db', outcome: 'ok' })]);
      expect(JSON.parse(rows[0]!.summary)).toMatchObject({ input: { out: out }, detail: { path: out } });
    } finally {
      await file.close();
    }
    expect(await ramed('audit', 'verify', '--db', db)).toMatchObject({ code: 0 });
  });

  it('removes the unfinished copies a killed backup left, not one being written', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid!;
    const abandoned = [`ramed-CS01-20261101-080000.db.partial`, `ramed-CS01-20261102-080000.db.${hostname()}-${dead}.partial`];
    const live = `ramed-CS01-20261103-080000.db.${hostname()}-${process.pid}.partial`;
    const elsewhere = `ramed-CS01-20261104-080000.db.autre-poste-${dead}.partial`;
    for (const name of [...abandoned, live, elsewhere]) writeFileSync(join(dir, name), 'x'.repeat(1000));
    expect((await ramed('backup', '--out', join(dir, 'copie.db'), '--db', db)).code).toBe(0);
    expect(
      readdirSync(dir)
        .filter((n) => n.endsWith('.partial'))
        .sort(),
    ).toEqual([live, elsewhere].sort());
  });

  it('refuses an exact file from a window: only the command line names a path', async () => {
    const core = await openCore({ db, log: silentLogger });
    try {
      const result = await core.dispatch(slotAs(['admin'], 1, 'admin'), 'backup.create', { out: join(dir, 'ailleurs.db') });
      expect(result).toMatchObject({ ok: false, error: { code: 'REFUSED', message: /ne se choisit qu’en ligne de commande/ } });
      expect(existsSync(join(dir, 'ailleurs.db'))).toBe(false);
    } finally {
      await core.close();
    }
  });

  it('says what is missing on bad usage', async () => {
    expect(await ramed('restore', '--db', db)).toMatchObject({ code: 2, stderr: expect.stringMatching(/Usage : ramed restore FICHIER/) });
    expect(await ramed('restore', join(dir, 'absent.db'), '--db', db)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Fichier introuvable/),
    });
  });
});

describeEachDb('ramed backup on PostgreSQL', (kind) => {
  it.runIf(kind === 'postgres')('refuses and points to pg_dump', async () => {
    const db = await preparedDatabase(kind);
    try {
      const r = await ramed('backup', '--out', join(tmpdir(), 'jamais.db'), '--db', db.target);
      expect(r).toMatchObject({ code: 1, stderr: expect.stringMatching(/pg_dump/) });
    } finally {
      await db.drop();
    }
  });
});
