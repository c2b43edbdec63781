import './audit-key-env';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { openCore, newSlot, type Core } from '../../electron/core/app';
import type { AuditKeyStore } from '../../electron/core/audit/audit-key';
import { fixedClock, type Clock } from '../../electron/core/clock';
import type { ActiveSession, SessionSlot } from '../../electron/core/context';
import type { JobLauncherFactory } from '../../electron/core/context';
import { silentLogger } from '../../electron/core/logger';
import { ROLES, type Role } from '../../shared/domain/roles';
import { createClient, type Client } from '../../shared/contract/client';

export type TestDbKind = 'sqlite' | 'postgres';

export function testDbKinds(): TestDbKind[] {
  return inject('pgUrl') ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** Runs the same suite on every database the run has (SQLite always, PostgreSQL when started). */
export function describeEachDb(name: string, suite: (kind: TestDbKind) => void): void {
  for (const kind of testDbKinds()) describe(`${name} [${kind}]`, () => suite(kind));
}

/** A fresh, empty database: a temp SQLite file, or a new PostgreSQL database. */
export async function freshDatabase(kind: TestDbKind): Promise<{ target: string; drop(): Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ramed-test-'));
    return { target: join(dir, 'test.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = inject('pgUrl');
  if (!admin) throw new Error('PostgreSQL non démarré pour ce test');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    target: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A database `ramed init` would have prepared (migrated, no facility): what every other CLI command expects. */
export async function preparedDatabase(kind: TestDbKind): Promise<{ target: string; drop(): Promise<void> }> {
  const fresh = await freshDatabase(kind);
  const core = await openCore({ db: fresh.target, log: silentLogger });
  await core.close();
  return fresh;
}

export interface TestCore extends Core {
  target: string;
  /** Closes the core and drops the database. */
  dispose(): Promise<void>;
}

export async function openTestCore(
  kind: TestDbKind,
  options: { clock?: Clock; auditKeys?: AuditKeyStore; jobs?: JobLauncherFactory } = {},
): Promise<TestCore> {
  const fresh = await freshDatabase(kind);
  const core = await openCore({
    db: fresh.target,
    clock: options.clock ?? fixedClock('2026-11-16T09:30:00.000Z'),
    log: silentLogger,
    auditKeys: options.auditKeys,
    jobs: options.jobs,
  });
  return {
    ...core,
    target: fresh.target,
    async dispose() {
      await core.close();
      await fresh.drop();
    },
  };
}

/** A session slot already signed in with the given roles (for calling the dispatcher in tests), never locked. */
export function slotAs(roles: readonly Role[] = ROLES, userId: number | null = null, login = 'test'): SessionSlot {
  const slot = newSlot();
  const session: ActiveSession = {
    userId,
    login,
    fullName: 'Test',
    roles: [...roles],
    mustChangePassword: false,
    startedAt: '2026-11-16T09:00:00.000Z',
    lastActivityAt: '2026-11-16T09:00:00.000Z',
    unattended: true,
  };
  slot.session = session;
  return slot;
}

/** The typed client over the dispatcher, as a window would see it, for the given session slot. */
export const clientFor = (core: Core, slot: SessionSlot): Client => createClient((method, input) => core.dispatch(slot, method, input));
