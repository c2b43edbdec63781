import { existsSync, mkdtempSync, readdirSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ramed } from '../../support/cli';
import { describeEachDb, freshDatabase } from '../../support/db';

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
    const db = await freshDatabase(kind);
    try {
      const r = await ramed('backup', '--out', join(tmpdir(), 'jamais.db'), '--db', db.target);
      expect(r).toMatchObject({ code: 1, stderr: expect.stringMatching(/pg_dump/) });
    } finally {
      await db.drop();
    }
  });
});
