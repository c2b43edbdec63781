import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Insertable, Kysely } from 'kysely';
import type { AuditKey, AuditKeyStore } from '../../electron/core/audit/audit-key';
import { signManifest } from '../../electron/core/backup/manifest';
import type { Clock } from '../../electron/core/clock';
import type { Database } from '../../electron/core/db/schema/index';
import type { PersonTable } from '../../electron/core/db/schema/registry';
import { newSlot } from '../../electron/core/app';
import type { Client } from '../../shared/contract/client';
import type { BackupManifest } from '../../shared/domain/backup';
import { clientFor, openTestCore, type TestCore, type TestDbKind } from './db';

/** A clock the test moves forward by hand. */
export interface ManualClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

export function manualClock(start = '2026-11-16T09:30:00.000Z'): ManualClock {
  let now = Date.parse(start);
  return { now: () => new Date(now), set: (iso) => (now = Date.parse(iso)), advance: (ms) => (now += ms) };
}

export interface BackupFixture {
  core: TestCore;
  clock: ManualClock;
  /** Signed in as the facility's administrator. */
  ramed: Client;
  folder: string;
  dispose(): Promise<void>;
}

/** A set-up facility (`code`) whose backup folder is a fresh temp folder. */
export async function backupFixture(options: { kind?: TestDbKind; code?: string; auditKeys?: AuditKeyStore } = {}): Promise<BackupFixture> {
  const clock = manualClock();
  const core = await openTestCore(options.kind ?? 'sqlite', { clock, auditKeys: options.auditKeys });
  const slot = newSlot();
  const code = options.code ?? 'CS-BANCONI';
  const created = await core.dispatch(slot, 'setup.create', {
    facility: { code, name: `CSCOM ${code}`, level: 'cscom' },
    admin: { login: 'awa', fullName: 'Awa Sangaré', password: 'motdepasse1' },
  });
  if (!created.ok) throw new Error(created.error.message);
  // The tests move the clock by hours: this administrator must not meet the inactivity lock.
  slot.session!.unattended = true;
  const ramed = clientFor(core, slot);
  const folder = mkdtempSync(join(tmpdir(), 'ramed-backups-'));
  const set = await ramed.settings.set({ key: 'backup.folder', value: folder });
  if (!set.ok && options.kind !== 'postgres') throw new Error(set.error.message);
  return {
    core,
    clock,
    ramed,
    folder,
    async dispose() {
      await core.dispose();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Inverts one byte of a file. */
export function flipByte(path: string, offset: number): void {
  const bytes = readFileSync(path);
  bytes[offset] = bytes[offset]! ^ 0xff;
  writeFileSync(path, bytes);
}

/**
 * Makes a backup's manifest match its (changed) file: size and SHA-256, plus `change`. Signed again
 * only with `signWith` (someone holding the audit key); otherwise its old signature stays, as it
 * would for anyone editing a backup without the key.
 */
export function rehashManifest(backupPath: string, change: Partial<BackupManifest> = {}, signWith?: AuditKey): void {
  const manifestPath = `${backupPath}.manifest.json`;
  const bytes = readFileSync(backupPath);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BackupManifest;
  const next = { ...manifest, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, ...change };
  writeFileSync(manifestPath, JSON.stringify(signWith ? signManifest(signWith, next) : next));
}

export function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const person = (n: number): Insertable<PersonTable> => ({
  recepisse: String(1_000_000_000_000 + n),
  family_name: 'Traoré',
  given_names: `Awa ${n}`,
  sex: 'F',
  birth_date: '1980-01-01',
  birth_year_only: 0,
  quality: 'titulaire',
  in_school: 0,
  disabled: 0,
  status: 'actif',
  created_at: '2026-11-16T09:30:00.000Z',
  updated_at: '2026-11-16T09:30:00.000Z',
});

/** Inserts registry persons numbered `from`…`from + count - 1` in one transaction. */
export async function insertPersons(db: Kysely<Database>, from: number, count: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let n = from; n < from + count; n += 500) {
      const batch = Array.from({ length: Math.min(500, from + count - n) }, (_, i) => person(n + i));
      await trx.insertInto('person').values(batch).execute();
    }
  });
}
