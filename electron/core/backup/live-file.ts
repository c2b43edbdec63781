import sqlite3 from 'sqlite3';
import { conflict } from '../errors';
import { otherHolders, type Holder } from '../db/holders';
import { sqliteCode } from './sqlite-file';

/** node-sqlite3's online backup object (its typings leave it out). */
interface SqliteBackup {
  step(pages: number, callback: (err: Error | null) => void): void;
  finish(callback: (err: Error | null) => void): void;
}
type WithBackup = sqlite3.Database & {
  backup(filename: string, destName: string, sourceName: string, filenameIsDest: boolean): SqliteBackup;
};

/**
 * The live database held alone: a connection in EXCLUSIVE locking mode. Every other connection
 * to a WAL database keeps a shared lock on the file for as long as it is open, even idle, so
 * getting this lock proves no other program has the base open, and keeps them out meanwhile.
 * The file is then never renamed nor unlinked: its pages are replaced through SQLite's backup
 * API, which a program opening it afterwards sees as an ordinary write.
 */
export interface ExclusiveFile {
  /** Copies the whole database into `path` (a new file). */
  copyTo(path: string): Promise<void>;
  /** Replaces the whole database by the content of the SQLite file at `path`. */
  replaceFrom(path: string): Promise<void>;
  close(): Promise<void>;
}

const LOCK_WAIT_MS = 1_000;

export async function lockExclusive(path: string): Promise<ExclusiveFile> {
  const db = (await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened = new sqlite3.Database(path, sqlite3.OPEN_READWRITE, (err) => (err ? reject(err) : resolve(opened)));
  })) as WithBackup;
  const exec = (sql: string) => new Promise<void>((resolve, reject) => db.exec(sql, (err) => (err ? reject(err) : resolve())));
  const close = () => new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
  db.configure('busyTimeout', LOCK_WAIT_MS);
  try {
    // A write transaction makes SQLite take (and, in this mode, keep) the exclusive lock now.
    await exec('pragma locking_mode = exclusive; begin exclusive; commit;');
  } catch (error) {
    await close();
    if (sqliteCode(error) === 'SQLITE_BUSY') throw openElsewhere(otherHolders(path));
    throw error;
  }
  const run = (backup: SqliteBackup) =>
    new Promise<void>((resolve, reject) =>
      backup.step(-1, (err) => {
        backup.finish((finishErr) => ((err ?? finishErr) ? reject(err ?? finishErr) : resolve()));
      }),
    );
  return {
    copyTo: (target) => run(db.backup(target, 'main', 'main', true)),
    replaceFrom: (source) => run(db.backup(source, 'main', 'main', false)),
    close,
  };
}

const frenchTime = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} à ${iso.slice(11, 16)}`;

function openElsewhere(holders: Holder[]) {
  const who =
    holders.length === 0
      ? 'un autre programme'
      : holders.map((h) => `${h.program} (processus ${h.pid} sur ${h.host}, depuis le ${frenchTime(h.since)})`).join(', ');
  return conflict(`La base est encore ouverte par ${who} : fermez-le, puis recommencez la restauration. Rien n’a été changé.`);
}
