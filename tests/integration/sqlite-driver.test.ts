import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, sql, type Generated } from 'kysely';
import sqlite3 from 'sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nodeSqliteDialect } from '../../electron/core/db/sqlite-driver';
import { SQLITE_PRAGMAS } from '../../electron/core/db/connect';

interface Db {
  item: { id: Generated<number>; name: string; qty: number };
}

describe('the node-sqlite3 kysely driver', () => {
  let dir: string;
  let db: Kysely<Db>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ramed-driver-'));
    db = new Kysely<Db>({ dialect: nodeSqliteDialect(join(dir, 'd.db'), SQLITE_PRAGMAS) });
    await db.schema
      .createTable('item')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('qty', 'integer', (c) => c.notNull())
      .execute();
  });
  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies the pragmas', async () => {
    const { rows } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    expect(rows[0]?.journal_mode).toBe('wal');
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
    expect(sync.rows[0]?.synchronous).toBe(2);
  });

  it('answers insertId, numAffectedRows and RETURNING rows', async () => {
    const inserted = await db.insertInto('item').values({ name: 'a', qty: 1 }).executeTakeFirstOrThrow();
    expect(inserted.insertId).toBe(1n);
    const returned = await db.insertInto('item').values({ name: 'b', qty: 2 }).returningAll().executeTakeFirstOrThrow();
    expect(returned).toEqual({ id: 2, name: 'b', qty: 2 });
    const updated = await db.updateTable('item').set({ qty: 5 }).executeTakeFirstOrThrow();
    expect(updated.numUpdatedRows).toBe(2n);
    expect(await db.selectFrom('item').select('qty').orderBy('id').execute()).toEqual([{ qty: 5 }, { qty: 5 }]);
  });

  it('rolls a failed transaction back entirely', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('item').values({ name: 'x', qty: 1 }).execute();
        await trx.insertInto('item').values({ name: 'x', qty: 1 }).execute();
      }),
    ).rejects.toThrow(/UNIQUE/);
    expect(await db.selectFrom('item').selectAll().execute()).toEqual([]);
  });

  it('serialises concurrent transactions on its one connection', async () => {
    await db.insertInto('item').values({ name: 'stock', qty: 0 }).execute();
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.transaction().execute(async (trx) => {
          const row = await trx.selectFrom('item').select('qty').where('name', '=', 'stock').executeTakeFirstOrThrow();
          await new Promise((r) => setTimeout(r, 1));
          await trx
            .updateTable('item')
            .set({ qty: row.qty + 1 })
            .where('name', '=', 'stock')
            .execute();
        }),
      ),
    );
    const row = await db.selectFrom('item').select('qty').where('name', '=', 'stock').executeTakeFirstOrThrow();
    expect(row.qty).toBe(20);
  });

  it('passes booleans as 0/1', async () => {
    const { rows } = await sql<{ v: number }>`select ${true} as v`.execute(db);
    expect(rows[0]?.v).toBe(1);
  });

  it('keeps statements prepared: run again, they read fresh data and recover from a failure', async () => {
    const finalize = vi.spyOn(sqlite3.Statement.prototype, 'finalize');
    try {
      const insert = (name: string) => db.insertInto('item').values({ name, qty: 1 }).execute();
      const names = () => db.selectFrom('item').select('name').orderBy('id').execute();
      await insert('a');
      await expect(insert('a')).rejects.toThrow(/UNIQUE/);
      await insert('b');
      expect(await names()).toEqual([{ name: 'a' }, { name: 'b' }]);
      await db.updateTable('item').set({ name: 'c' }).where('name', '=', 'b').execute();
      expect(await names()).toEqual([{ name: 'a' }, { name: 'c' }]);
      expect(finalize).not.toHaveBeenCalled();
    } finally {
      finalize.mockRestore();
    }
  });

  it('prepares one statement for the same query run twice at once in a transaction', async () => {
    await db.insertInto('item').values({ name: 'a', qty: 1 }).execute();
    const counts = await db.transaction().execute((trx) =>
      Promise.all(
        Array.from({ length: 3 }, () =>
          trx
            .selectFrom('item')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow(),
        ),
      ),
    );
    expect(counts).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
    // A statement prepared twice and kept once would be left unfinalized: SQLite would refuse to close.
    await expect(db.destroy()).resolves.toBeUndefined();
    db = new Kysely<Db>({ dialect: nodeSqliteDialect(join(dir, 'd.db'), SQLITE_PRAGMAS) });
  });

  it('forgets the least recently used statements past a hundred, and closes with the others prepared', async () => {
    const finalize = vi.spyOn(sqlite3.Statement.prototype, 'finalize');
    try {
      for (let i = 0; i < 150; i++) await sql`select ${sql.lit(i)} as v`.execute(db);
      // Already prepared before: the pragmas and the table's creation.
      const before = SQLITE_PRAGMAS.length + 1;
      expect(finalize).toHaveBeenCalledTimes(before + 150 - 100);
      await db.destroy();
      expect(finalize).toHaveBeenCalledTimes(before + 150);
    } finally {
      finalize.mockRestore();
    }
    db = new Kysely<Db>({ dialect: nodeSqliteDialect(join(dir, 'd.db'), SQLITE_PRAGMAS) });
    expect(await db.selectFrom('item').selectAll().execute()).toEqual([]);
  });
});
