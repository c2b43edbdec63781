import { copyFileSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSlot } from '../../../electron/core/app';
import { verifyAudit } from '../../../electron/core/audit/audit-log';
import { openSqliteFile } from '../../../electron/core/backup/sqlite-file';
import { LATEST_SCHEMA } from '../../../electron/core/db/migrate';
import type { Database } from '../../../electron/core/db/schema/index';
import type { ApiEvent } from '../../../shared/contract/events';
import type { RestoreSource } from '../../../shared/api/backup';
import { backupFixture, flipByte, insertPersons, rehashManifest, unwrap, type BackupFixture } from '../../support/backup';
import { tempKeyStore } from '../../support/audit';
import { clientFor, describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

/** What a restore must bring back exactly. */
async function dump(db: Kysely<Database>) {
  return {
    facility: await db.selectFrom('facility').selectAll().execute(),
    settings: await db.selectFrom('setting').selectAll().orderBy('key').execute(),
    users: await db.selectFrom('app_user').selectAll().orderBy('id').execute(),
    persons: await db.selectFrom('person').selectAll().orderBy('id').execute(),
    audit: await db.selectFrom('audit_log').selectAll().orderBy('seq').execute(),
  };
}

describe('restore [sqlite]', () => {
  let f: BackupFixture;
  let dbFile: string;
  beforeEach(async () => {
    f = await backupFixture();
    dbFile = f.core.deps.handle.file!;
    await insertPersons(f.core.deps.handle.db, 0, 300);
    unwrap(await f.ramed.settings.set({ key: 'anam.token', value: 'jeton-secret' }));
    unwrap(await f.ramed.settings.set({ key: 'lock.inactivityMinutes', value: '12' }));
  });
  afterEach(async () => f.dispose());

  /** A copy of a backup (and its manifest) elsewhere, as a user would pick it, registered with the core. */
  function pickedCopy(backupPath: string): { path: string; source: RestoreSource } {
    const dir = mkdtempSync(join(tmpdir(), 'ramed-picked-'));
    const path = join(dir, basename(backupPath));
    copyFileSync(backupPath, path);
    copyFileSync(`${backupPath}.manifest.json`, `${path}.manifest.json`);
    return { path, source: { kind: 'file', file: f.core.deps.files.register(path).ref } };
  }

  it('round-trips: the data of the backup come back, the current base is kept aside, everyone signs in again', async () => {
    const backup = unwrap(await f.ramed.backup.create({}));
    const atBackup = await dump(f.core.deps.handle.db);
    // The backup's own audit row is written once the copy is made: it is not in the copy.
    expect(atBackup.audit.pop()).toMatchObject({ method: 'backup.create' });

    // Work goes on after the backup, in this window and another.
    const other = newSlot();
    const otherEvents: ApiEvent[] = [];
    other.emit = (event) => otherEvents.push(event);
    unwrap(await clientFor(f.core, other).auth.login({ login: 'awa', password: 'motdepasse1' }));
    await insertPersons(f.core.deps.handle.db, 300, 50);
    unwrap(await f.ramed.settings.set({ key: 'lock.inactivityMinutes', value: '30' }));
    f.clock.advance(3_600_000);

    const events: ApiEvent[] = [];
    const mine = newSlot((event) => events.push(event));
    unwrap(await clientFor(f.core, mine).auth.login({ login: 'awa', password: 'motdepasse1' }));
    const result = unwrap(
      await clientFor(f.core, mine).backup.restore({ source: { kind: 'folder', name: backup.manifest.file }, jobId: 'r1' }),
    );
    expect(result).toEqual({
      restored: backup.manifest,
      asidePath: `${dbFile}.avant-restauration-20261116-103000`,
      schemaVersion: LATEST_SCHEMA,
    });

    const now = await dump(f.core.deps.handle.db);
    expect(now.facility).toEqual(atBackup.facility);
    expect(now.settings).toEqual(atBackup.settings);
    expect(now.users).toEqual(atBackup.users);
    expect(now.persons).toEqual(atBackup.persons);
    // The audit of the restored base goes on from where it was, and records the restore.
    expect(now.audit.slice(0, atBackup.audit.length)).toEqual(atBackup.audit);
    expect(now.audit.slice(atBackup.audit.length)).toEqual([
      expect.objectContaining({ method: 'backup.restore', outcome: 'ok', actor_login: 'awa', entity_id: backup.manifest.file }),
    ]);
    expect(await verifyAudit(f.core.deps.handle.db, f.core.deps.auditKey)).toMatchObject({ ok: true });

    // Signed out: this window at once, the other at its next call.
    expect(mine.session).toBeNull();
    expect(events).toContainEqual({ type: 'session.ended', reason: 'restored' });
    expect(await clientFor(f.core, other).settings.list({})).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
    expect(otherEvents).toContainEqual({ type: 'session.ended', reason: 'restored' });
    unwrap(await clientFor(f.core, other).auth.login({ login: 'awa', password: 'motdepasse1' }));

    // The replaced base is kept, whole, and nothing else is left behind.
    expect(readdirSync(dirname(dbFile)).filter((n) => n.includes('restauration-'))).toEqual([basename(result.asidePath)]);
    const aside = await openSqliteFile(result.asidePath, 'read');
    expect(await aside.all('select count(*) as n from person')).toEqual([{ n: 350 }]);
    await aside.close();
  });

  it('restores a picked file, its manifest found next to it', async () => {
    const backup = unwrap(await f.ramed.backup.create({}));
    await insertPersons(f.core.deps.handle.db, 300, 10);
    const picked = pickedCopy(backup.path);
    const slot = newSlot();
    unwrap(await clientFor(f.core, slot).auth.login({ login: 'awa', password: 'motdepasse1' }));
    unwrap(await clientFor(f.core, slot).backup.restore({ source: picked.source }));
    expect((await f.core.deps.handle.db.selectFrom('person').select('id').execute()).length).toBe(300);
  });

  describe('refuses a damaged, foreign or newer backup and changes nothing', () => {
    const cases: Array<[string, (path: string) => void | Promise<void>, RegExp]> = [
      ['truncated', (path) => truncateSync(path, 8192), /incomplète : 8 192 octets au lieu de/],
      ['bit-flipped', (path) => flipByte(path, 20_000), /empreinte SHA-256 ne correspond pas/],
      [
        'damaged inside, its manifest made to match',
        (path) => {
          flipByte(path, 4096); // the type byte of page 2's b-tree header
          rehashManifest(path, {}, f.core.deps.auditKey.key!);
        },
        /abîmée|n'est pas une base/,
      ],
      [
        'not a database at all',
        (path) => {
          writeFileSync(path, 'nom;prenoms\nTraoré;Awa\n'.repeat(500));
          rehashManifest(path, {}, f.core.deps.auditKey.key!);
        },
        /n'est pas une base de données lisible/,
      ],
      [
        'from a newer version of the app',
        async (path) => {
          const file = await openSqliteFile(path, 'write');
          await file.run("insert into schema_migration (name, timestamp) values ('9999_avenir', '2030-01-01')");
          await file.close();
          rehashManifest(path, { schemaVersion: '9999_avenir' }, f.core.deps.auditKey.key!);
        },
        /version plus récente de RAMED Guichet \(schéma 9999_avenir\)/,
      ],
      [
        'edited inside (a user added), its manifest recomputed without the key',
        async (path) => {
          const file = await openSqliteFile(path, 'write');
          await file.run("update app_user set full_name = 'Intrus' where login = 'awa'");
          await file.close();
          rehashManifest(path);
        },
        /manifeste de la sauvegarde .* a été modifié : sa signature ne correspond pas/,
      ],
      [
        'its manifest recomputed and passed off as an unsigned one of before 0020',
        (path) => {
          flipByte(path, 20_000);
          rehashManifest(path, { formatVersion: 1, keyId: undefined, signature: undefined });
        },
        /n'est pas signé, alors que la sauvegarde vient d'une version qui signe les siennes/,
      ],
      [
        'a signed manifest whose audit head is not the file’s',
        async (path) => {
          const file = await openSqliteFile(path, 'write');
          await file.run('delete from audit_log where seq = (select max(seq) from audit_log)');
          await file.run('update audit_head set seq = seq - 1');
          await file.close();
          rehashManifest(path, {}, f.core.deps.auditKey.key!);
        },
        /ne correspond pas à son contenu/,
      ],
      ['without its manifest', (path) => rmSync(`${path}.manifest.json`), /manifeste .* introuvable/],
    ];

    it.each(cases)('%s', async (_name, damage, message) => {
      const backup = unwrap(await f.ramed.backup.create({}));
      await insertPersons(f.core.deps.handle.db, 300, 10);
      const before = await dump(f.core.deps.handle.db);
      const files = readdirSync(dirname(dbFile)).sort();
      const picked = pickedCopy(backup.path);
      await damage(picked.path);

      const refused = await f.ramed.backup.restore({ source: picked.source });
      expect(refused).toMatchObject({ ok: false, error: { code: 'REFUSED', message } });
      const after = await dump(f.core.deps.handle.db);
      expect(after.persons).toEqual(before.persons);
      expect(after.settings).toEqual(before.settings);
      // Only the refusal's audit row was added; the session still works.
      expect(after.audit.slice(0, before.audit.length)).toEqual(before.audit);
      expect(after.audit.at(-1)).toMatchObject({ method: 'backup.restore', outcome: 'failed' });
      expect(readdirSync(dirname(dbFile)).sort()).toEqual(files);
      expect(await f.ramed.settings.list({})).toMatchObject({ ok: true });
    });

    it('a backup signed by another workstation’s key: refused, unless the user vouches for it; the chain is then re-anchored', async () => {
      const keys = tempKeyStore();
      const other = await backupFixture({ auditKeys: keys.store });
      try {
        const theirs = unwrap(await other.ramed.backup.create({}));
        const picked = pickedCopy(theirs.path);
        expect(await f.ramed.backup.restore({ source: picked.source })).toMatchObject({
          ok: false,
          error: {
            code: 'REFUSED',
            message: /signée par un autre poste \(clé d'audit [0-9a-f]{16}, celle de ce poste : [0-9a-f]{16}\).*--autre-cle/,
          },
        });
        expect(await f.core.deps.handle.db.selectFrom('person').select('id').execute()).toHaveLength(300);

        unwrap(await f.ramed.backup.restore({ source: picked.source, acceptOtherKey: true }));
        const db = f.core.deps.handle.db;
        expect(await db.selectFrom('person').select('id').execute()).toHaveLength(0);
        const tail = await db.selectFrom('audit_log').select(['method', 'summary']).orderBy('seq', 'desc').limit(2).execute();
        expect(tail.map((r) => r.method)).toEqual(['backup.restore', 'audit.anchor']);
        expect(JSON.parse(tail[1]!.summary)).toMatchObject({
          prior: 'other-key',
          previousKeyId: theirs.manifest.keyId,
          keyId: f.core.deps.auditKey.key!.id,
        });
        expect(await verifyAudit(db, f.core.deps.auditKey)).toMatchObject({ ok: true });
        // Its next backup is signed with this workstation's key.
        const again = newSlot();
        unwrap(await clientFor(f.core, again).auth.login({ login: 'awa', password: 'motdepasse1' }));
        expect(unwrap(await clientFor(f.core, again).backup.create({})).manifest.keyId).toBe(f.core.deps.auditKey.key!.id);
      } finally {
        await other.dispose();
        keys.dispose();
      }
    });

    it("another facility's backup", async () => {
      const other = await backupFixture({ code: 'CSREF-KATI' });
      try {
        const theirs = unwrap(await other.ramed.backup.create({}));
        const refused = await f.ramed.backup.restore({ source: pickedCopy(theirs.path).source });
        expect(refused).toMatchObject({
          ok: false,
          error: { message: /celle d'un autre établissement \(CSCOM CSREF-KATI \[CSREF-KATI\]\), pas de CSCOM CS-BANCONI/ },
        });
        expect(await f.core.deps.handle.db.selectFrom('person').select('id').execute()).toHaveLength(300);
      } finally {
        await other.dispose();
      }
    });
  });

  it('refuses while another program has the database open, and keeps working on it', async () => {
    const backup = unwrap(await f.ramed.backup.create({}));
    const intruder = await openSqliteFile(dbFile, 'write');
    try {
      await intruder.run("update setting set value = '\"x\"' where key = 'none'");
      await intruder.run('create table intruder (id integer)');
      const refused = await f.ramed.backup.restore({ source: { kind: 'folder', name: backup.manifest.file } });
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: /encore ouverte par un autre programme/ } });
    } finally {
      await intruder.close();
    }
    expect(await f.core.deps.handle.db.selectFrom('person').select('id').execute()).toHaveLength(300);
    expect(await f.ramed.settings.list({})).toMatchObject({ ok: true });
    expect(readdirSync(dirname(dbFile)).filter((n) => n.includes('restauration-'))).toEqual([]);
  });

  /** A backup as version 0002_registry made it, with 20 persons; `spoil` may change it before it is copied. */
  async function olderBackup(dir: string, spoil?: (db: Kysely<Database>) => Promise<void>): Promise<string> {
    const old = await databaseAt('sqlite', '0002_registry');
    const path = join(dir, 'ramed-CS-BANCONI-20250101-080000.db');
    try {
      const now = '2025-01-01T08:00:00.000Z';
      await old.db
        .insertInto('facility')
        .values({ id: 1, code: 'CS-BANCONI', name: 'CSCOM de Banconi', level: 'cscom', created_at: now, updated_at: now })
        .execute();
      await insertPersons(old.db, 0, 20);
      await spoil?.(old.db);
      const reader = await openSqliteFile(old.handle.file!, 'read');
      await reader.run(`vacuum into '${path}'`);
      await reader.close();
      const manifest = { format: 'ramed-backup', formatVersion: 1, file: basename(path), sha256: '', size: 0, appVersion: '0.0.9' };
      const facility = { code: 'CS-BANCONI', name: 'CSCOM de Banconi' };
      writeFileSync(`${path}.manifest.json`, JSON.stringify({ ...manifest, schemaVersion: '0002_registry', facility, createdAt: now }));
      rehashManifest(path);
      return path;
    } finally {
      await old.dispose();
    }
  }

  it('migrates a backup made by an older version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ramed-old-'));
    try {
      const path = await olderBackup(dir);
      const result = unwrap(await f.ramed.backup.restore({ source: { kind: 'file', file: f.core.deps.files.register(path).ref } }));
      expect(result).toMatchObject({ restored: { schemaVersion: '0002_registry' }, schemaVersion: LATEST_SCHEMA });
      expect(await f.core.deps.handle.db.selectFrom('person').select('id').execute()).toHaveLength(20);
      expect(await f.core.deps.handle.db.selectFrom('backup_run').selectAll().execute()).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('puts the current base back when the backup cannot be migrated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ramed-old-'));
    try {
      // A table in the way of migration 0008: the copy passes every check, then fails to migrate.
      const path = await olderBackup(dir, (db) => db.schema.createTable('backup_run').addColumn('x', 'integer').execute());
      const before = await dump(f.core.deps.handle.db);
      const files = readdirSync(dirname(dbFile)).sort();
      const refused = await f.ramed.backup.restore({ source: { kind: 'file', file: f.core.deps.files.register(path).ref } });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'REFUSED', message: /n'a pas pu être ouverte ni mise à jour.*remise en place/ },
      });
      expect((await dump(f.core.deps.handle.db)).persons).toEqual(before.persons);
      expect(readdirSync(dirname(dbFile)).sort()).toEqual(files);
      // Nothing was replaced, so the session goes on.
      expect(await f.ramed.settings.list({})).toMatchObject({ ok: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeEachDb('backups on a shared PostgreSQL base', (kind) => {
  it.runIf(kind === 'postgres')('are refused with a message pointing to pg_dump', async () => {
    const f = await backupFixture({ kind });
    try {
      expect(await f.ramed.backup.create({})).toMatchObject({ ok: false, error: { code: 'REFUSED', message: /pg_dump/ } });
      expect(await f.ramed.backup.restore({ source: { kind: 'folder', name: 'ramed-X-20261116-093000.db' } })).toMatchObject({
        ok: false,
        error: { message: /pg_dump/ },
      });
      expect(unwrap(await f.ramed.backup.overview({}))).toMatchObject({ available: false, unavailableReason: /pg_dump/, nextDueAt: null });
    } finally {
      await f.dispose();
    }
  });
});
