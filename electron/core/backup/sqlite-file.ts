import sqlite3 from 'sqlite3';

/**
 * A connection of its own to a SQLite file, outside kysely: the backup reads the live database
 * through it (so the app's connection keeps serving the desk), and checks copies with it.
 */
export interface SqliteFile {
  all<T>(sql: string): Promise<T[]>;
  run(sql: string): Promise<void>;
  /** Stops the statement running (a backup being cancelled). */
  interrupt(): void;
  close(): Promise<void>;
}

export async function openSqliteFile(path: string, mode: 'read' | 'write'): Promise<SqliteFile> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const flags = mode === 'read' ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE;
    const opened = new sqlite3.Database(path, flags, (err) => (err ? reject(err) : resolve(opened)));
  });
  db.configure('busyTimeout', 10_000);
  return {
    all: <T>(sql: string) => new Promise<T[]>((resolve, reject) => db.all(sql, (err, rows) => (err ? reject(err) : resolve(rows as T[])))),
    run: (sql) => new Promise<void>((resolve, reject) => db.run(sql, (err) => (err ? reject(err) : resolve()))),
    interrupt: () => db.interrupt(),
    close: () => new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve()))),
  };
}

/** The SQLite error code of a failure (SQLITE_NOTADB, SQLITE_CORRUPT, SQLITE_INTERRUPT…), if any. */
export const sqliteCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
