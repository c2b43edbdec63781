import sqlite3 from 'sqlite3';

/** The node-sqlite3 driver with nothing on top: the baseline of the lookups. */
export class BareSqlite {
  private constructor(private readonly db: sqlite3.Database) {}

  static open(path: string): Promise<BareSqlite> {
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(path, sqlite3.OPEN_READONLY, (err) => (err ? reject(err) : resolve(new BareSqlite(db))));
    });
  }

  get<T>(sql: string, params: readonly unknown[]): Promise<T | undefined> {
    return new Promise((resolve, reject) => this.db.get(sql, params, (err, row) => (err ? reject(err) : resolve(row as T | undefined))));
  }

  all<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    return new Promise((resolve, reject) => this.db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[]))));
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }
}
