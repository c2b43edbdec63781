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
      // SQLite refuses to close a connection that still has prepared statements.
      await this.#connection?.finalizeStatements();
      const db = this.#db;
      this.#db = undefined;
      if (db) await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
    } finally {
      this.#mutex.unlock();
    }
  }
}

const RETURNS_ROWS = /^\s*(select|with|pragma|explain|values)\b|\breturning\b/i;

/**
 * Statements kept prepared, by SQL text, least recently used first. node-sqlite3 otherwise
 * prepares, runs and finalizes each query: three trips to its worker thread instead of one (a
 * récépissé check went from 0.7-0.9 ms to 0.6 ms). Long statements (the import's multi-row
 * writes, about 1 ms of preparation each) have their own, smaller list: the import sends them in
 * chunks of 1,000 rows (the few remainders come and go), and a hundred kept would hold some 30 MB.
 */
const PREPARED_STATEMENTS = 100;
const PREPARED_LONG_STATEMENTS = 8;
const PREPARED_SQL_LENGTH = 10_000;
// The constructor calls back once prepared (Database#prepare only calls back on an error); its typings omit it.
const Statement = sqlite3.Statement as unknown as new (
  db: sqlite3.Database,
  sql: string,
  callback: (err: Error | null) => void,
) => sqlite3.Statement;

/** Prepared statements by SQL text, least recently used first, at most `capacity`. */
class PreparedStatements {
  /** Promises, so that two queries of one transaction run together never prepare the same SQL twice. */
  readonly #statements = new Map<string, Promise<sqlite3.Statement>>();

  constructor(
    private readonly db: sqlite3.Database,
    private readonly capacity: number,
  ) {}

  get(sql: string): Promise<sqlite3.Statement> {
    let statement = this.#statements.get(sql);
    if (statement) this.#statements.delete(sql);
    else {
      statement = prepare(this.db, sql);
      statement.catch(() => this.#statements.delete(sql));
    }
    this.#statements.set(sql, statement);
    if (this.#statements.size > this.capacity) {
      const [oldest, evicted] = this.#statements.entries().next().value!;
      this.#statements.delete(oldest);
      evicted.then(
        (s) => s.finalize(),
        () => {},
      );
    }
    return statement;
  }

  async finalize(): Promise<void> {
    const statements = await Promise.allSettled(this.#statements.values());
    this.#statements.clear();
    for (const s of statements) if (s.status === 'fulfilled') s.value.finalize();
  }
}

function prepare(db: sqlite3.Database, sql: string): Promise<sqlite3.Statement> {
  return new Promise((resolve, reject) => {
    const prepared = new Statement(db, sql, (err) => (err ? reject(err) : resolve(prepared)));
  });
}

class NodeSqliteConnection implements DatabaseConnection {
  readonly #short: PreparedStatements;
  readonly #long: PreparedStatements;

  constructor(db: sqlite3.Database) {
    this.#short = new PreparedStatements(db, PREPARED_STATEMENTS);
    this.#long = new PreparedStatements(db, PREPARED_LONG_STATEMENTS);
  }

  async finalizeStatements(): Promise<void> {
    await Promise.all([this.#short.finalize(), this.#long.finalize()]);
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = compiled;
    const params = parameters.map(toSqliteValue);
    const statement = await (sql.length <= PREPARED_SQL_LENGTH ? this.#short : this.#long).get(sql);
    if (RETURNS_ROWS.test(sql)) {
      return await new Promise((resolve, reject) => {
        statement.all(params, (err, rows) => (err ? reject(err) : resolve({ rows: rows as R[] })));
      });
    }
    return await new Promise((resolve, reject) => {
      statement.run(params, function (err) {
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
