import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import sqlite3 from 'sqlite3';
import { Mutex } from './mutex';

/**
 * kysely's built-in SQLite dialect targets better-sqlite3; the product uses node-sqlite3
 * (asynchronous, off the main thread). This driver keeps one connection behind a mutex:
 * statements that can return rows go through `all`, the others through `run` (for
 * `lastID`/`changes`). We wrote it rather than take kysely-generic-sqlite because it is
 * about a hundred lines we fully control (BEGIN IMMEDIATE, pragmas, close) and adds no
 * dependency whose release cadence we would have to follow.
 */
export class NodeSqliteDriver implements Driver {
  #db: sqlite3.Database | undefined;
  #connection: NodeSqliteConnection | undefined;
  readonly #mutex = new Mutex();

  constructor(
    private readonly filename: string,
    private readonly pragmas: readonly string[],
  ) {}

  async init(): Promise<void> {
    this.#db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const db = new sqlite3.Database(this.filename, (err) => (err ? reject(err) : resolve(db)));
    });
    this.#connection = new NodeSqliteConnection(this.#db);
    for (const pragma of this.pragmas) {
      await this.#connection.executeQuery(CompiledQuery.raw(pragma));
    }
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    return this.#connection!;
  }

  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    // IMMEDIATE takes the write lock at once: two processes (app and CLI) then wait on
    // busy_timeout instead of failing on a read-to-write upgrade.
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    this.#mutex.unlock();
  }

  async destroy(): Promise<void> {
    // Waits for the statement or transaction in flight: closing under it would lose it.
    await this.#mutex.lock();
    try {
      const db = this.#db;
      this.#db = undefined;
      if (db) await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
    } finally {
      this.#mutex.unlock();
    }
  }
}

const RETURNS_ROWS = /^\s*(select|with|pragma|explain|values)\b|\breturning\b/i;

class NodeSqliteConnection implements DatabaseConnection {
  constructor(private readonly db: sqlite3.Database) {}

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = compiled;
    const params = parameters.map(toSqliteValue);
    if (RETURNS_ROWS.test(sql)) {
      return new Promise((resolve, reject) => {
        this.db.all(sql, params, (err, rows) => (err ? reject(err) : resolve({ rows: rows as R[] })));
      });
    }
    return new Promise((resolve, reject) => {
      this.db.run(sql, params, function (err) {
        if (err) return reject(err);
        resolve({ rows: [], numAffectedRows: BigInt(this.changes), insertId: BigInt(this.lastID) });
      });
    });
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery is not supported by the node-sqlite3 driver');
  }
}

function toSqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number(value);
  return value;
}

export function nodeSqliteDialect(filename: string, pragmas: readonly string[]): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new NodeSqliteDriver(filename, pragmas),
    createIntrospector: (db: Kysely<unknown>) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}
