import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDb, freshDatabase, preparedDatabase, type TestDbKind } from '../support/db';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { openCore } from '../../electron/core/app';
import { silentLogger } from '../../electron/core/logger';
import { ramed } from '../support/cli';

describeEachDb('ramed CLI', (kind: TestDbKind) => {
  let db: { target: string; drop(): Promise<void> };
  beforeEach(async () => {
    db = await preparedDatabase(kind);
  });
  afterEach(async () => db.drop());

  it('init creates a migrated database and the facility (JSON)', async () => {
    const r = await ramed('init', '--db', db.target, '--facility-code', 'T01', '--facility-name', 'Test', '--level', 'cscom', '--json');
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({
      schemaVersion: expect.stringMatching(/^\d{4}_/),
      facility: { code: 'T01', name: 'Test', level: 'cscom' },
    });
  });

  it.each([
    [['init', '--facility-code', 'T01', '--level', 'cscom'], /--facility-name/],
    [['init', '--facility-code', 'T01', '--facility-name', 'Test', '--level', 'clinique'], /cscom, csref ou hopital/],
    [['init', '--facility-code', 'T01', '--facility-name', 'Test', '--level', 'cscom', '--bogus'], /Option inconnue|bogus/],
    [['frobnicate'], /Commande inconnue/],
    [['settings', 'set', 'lock.inactivityMinutes', 'abc'], /lock.inactivityMinutes/],
    [['settings', 'get', 'nope'], /Paramètre inconnu/],
  ])('exits 2 with a clear French message on bad usage: %j', async (argv, message) => {
    const r = await ramed(...argv, '--db', db.target);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('prints one JSON document on errors with --json', async () => {
    const r = await ramed('settings', 'set', 'referral.rule', 'peut-etre', '--db', db.target, '--json');
    expect(r.code).toBe(2);
    expect(r.json).toMatchObject({ error: { code: 'INVALID_INPUT', message: expect.stringContaining('allow, warn ou refuse') } });
  });

  it('sets and gets settings, audited, and verifies the audit chain', async () => {
    expect((await ramed('settings', 'set', 'registry.freshnessDays', '30', '--db', db.target)).code).toBe(0);
    const got = await ramed('settings', 'get', 'registry.freshnessDays', '--db', db.target, '--json');
    expect(got.json).toMatchObject({ key: 'registry.freshnessDays', value: 30, isDefault: false });
    const verify = await ramed('audit', 'verify', '--db', db.target, '--json');
    expect(verify).toMatchObject({ code: 0, json: { ok: true, rows: 1 } });
  });

  it('refuses, exit 2, a database that does not exist or holds no RAMED data, and leaves it as it was', async () => {
    const missing = await freshDatabase(kind);
    try {
      for (const argv of [
        ['check', '1101000000017'],
        ['search', 'Traoré'],
        ['settings', 'get'],
        ['audit', 'verify'],
      ]) {
        const r = await ramed(...argv, '--db', missing.target, '--json');
        expect(r.code, argv.join(' ')).toBe(2);
        expect(r.json).toMatchObject({
          error: { code: 'USAGE', message: expect.stringMatching(/n’existe pas|ne contient pas de données RAMED/) },
        });
      }
      if (kind === 'sqlite') expect(existsSync(missing.target)).toBe(false);
      else expect(await tableCount(missing.target)).toBe(0);
      // init (like demo and restore) is how a database comes to be.
      const init = await ramed('init', '--db', missing.target, '--facility-code', 'T01', '--facility-name', 'Test', '--level', 'cscom');
      expect(init.code).toBe(0);
      expect((await ramed('check', '1101000000017', '--db', missing.target)).stdout).toContain('Absent du registre');
    } finally {
      await missing.drop();
    }
  });

  // The full demo (120 episodes) then a refusal, on PostgreSQL: some 20 s on a loaded machine.
  it('demo prints one account per role, then refuses a second run', async () => {
    const r = await ramed('demo', '--db', db.target, '--json');
    expect(r.code).toBe(0);
    expect((r.json as { accounts: unknown[] }).accounts).toHaveLength(4);
    const again = await ramed('demo', '--db', db.target);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/déjà un établissement/);
    // Through the contract: the demo and its refusal are in the audit trail.
    const core = await openCore({ db: db.target, log: silentLogger, create: false });
    try {
      const rows = await core.deps.handle.db.selectFrom('audit_log').select('outcome').where('method', '=', 'setup.demo').execute();
      expect(rows.map((r) => r.outcome)).toEqual(['ok', 'failed']);
    } finally {
      await core.close();
    }
  }, 60_000);

  it('demo refuses a base prepared by init (a facility, no account yet), as the setup screen does', async () => {
    expect(
      (await ramed('init', '--facility-code', 'CS-TEST', '--facility-name', 'CSCOM de test', '--level', 'cscom', '--db', db.target)).code,
    ).toBe(0);
    const r = await ramed('demo', '--db', db.target);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/déjà un établissement ou des comptes/);
  });
});

async function tableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "select count(*)::int as n from information_schema.tables where table_schema = 'public'",
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}
