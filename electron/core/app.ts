import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { systemClock, type Clock } from './clock';
import type { CoreDeps, JobLauncherFactory, ReplaceDatabase, SessionSlot } from './context';
import { isPostgresUrl, openDatabase, type DbHandle } from './db/connect';
import { registerHolder } from './db/holders';
import { defaultAuditKeyFile, fileKeyStore, type AuditKeyStore } from './audit/audit-key';
import type { AuditKeyRef } from './audit/audit-log';
import { loadAuditKey } from './audit/seal';
import { hasRamedSchema, isUpToDate, migrate } from './db/migrate';
import type { Core } from './core-types';
import { createDispatcher } from './dispatcher';
import { FileStore } from './files';
import { inlineJobs } from './job-runner/launcher';
import { consoleLogger, type Logger } from './logger';
import { DatabaseGate } from './reopen';
import { APP_VERSION } from './version';

export type { Core };

/** How long a restore waits for the calls in flight (an import, a backup) before refusing. */
const REOPEN_WAIT_MS = 30_000;

/** Raised instead of creating a database (or migrating a stranger's) when the caller said it must exist. */
export class MissingDatabaseError extends Error {
  override name = 'MissingDatabaseError';
}

/**
 * Opens and migrates the base, then loads (or, right after migration 0020, creates and anchors) the
 * audit key. `create: false` refuses a base that does not exist or holds no RAMED schema.
 */
async function openMigrated(
  target: string,
  keys: AuditKeyStore,
  clock: Clock,
  create = true,
): Promise<{ handle: DbHandle; auditKey: AuditKeyRef }> {
  if (!create && !isPostgresUrl(target) && !existsSync(target)) {
    throw new MissingDatabaseError(
      `La base « ${target} » n’existe pas. Vérifiez le chemin donné par --db, ou créez la base avec « ramed init » ou « ramed demo ».`,
    );
  }
  const handle = await openDatabase(target);
  try {
    // Already at this build's schema (every open but the first after an update): nothing to run.
    const upToDate = await isUpToDate(handle.db);
    if (!upToDate && !create && !(await hasRamedSchema(handle.db))) {
      throw new MissingDatabaseError(
        `La base « ${handle.label} » ne contient pas de données RAMED : elle n’a pas été modifiée. Vérifiez --db, ou préparez-la avec « ramed init ».`,
      );
    }
    const applied = upToDate ? [] : await migrate(handle.db, handle.features);
    return { handle, auditKey: await loadAuditKey(handle, keys, applied, clock) };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * Opens (and migrates) the database and builds the dispatcher: what every host starts with.
 * Files uploaded through the browser host go to a folder of their own under `uploadDir` (default:
 * the system temp folder), removed when the core closes.
 */
export async function openCore(options: {
  db: string;
  clock?: Clock;
  log?: Logger;
  uploadDir?: string;
  /** false: refuse a database that does not exist or holds no RAMED schema, instead of creating it. */
  create?: boolean;
  /** How a refused restore names this process to the user (« l'application », « la ligne de commande »…). */
  program?: string;
  /** Where the audit key lives; default: the protected file `defaultAuditKeyFile()`. */
  auditKeys?: AuditKeyStore;
  /** Where long jobs run; default: in this thread (the CLI, tests). `startHost` passes `threadJobs()`. */
  jobs?: JobLauncherFactory;
}): Promise<Core> {
  const gate = new DatabaseGate();
  const clock = options.clock ?? systemClock;
  const keys = options.auditKeys ?? fileKeyStore(defaultAuditKeyFile());
  const { handle, auditKey } = await openMigrated(options.db, keys, clock, options.create ?? true);
  const unregister = handle.file ? registerHolder(handle.file, options.program ?? 'RAMED Guichet', clock.now()) : () => {};
  const deps: CoreDeps = {
    handle,
    auditKey,
    auditKeys: keys,
    clock,
    log: options.log ?? consoleLogger,
    appVersion: APP_VERSION,
    files: new FileStore(options.uploadDir ?? tmpdir()),
    reopen,
    outboxQueued: new Set(),
    jobs: (options.jobs ?? inlineJobs)(options.db),
  };

  /** Called by a handler (a restore): that one call stays in flight while the others finish. */
  function reopen(replace: ReplaceDatabase): Promise<void> {
    return gate.exclusive(1, REOPEN_WAIT_MS, async () => {
      await deps.handle.close();
      let undo: (() => Promise<void>) | undefined;
      try {
        undo = await replace();
        ({ handle: deps.handle, auditKey: deps.auditKey } = await openMigrated(options.db, keys, clock));
      } catch (error) {
        await undo?.();
        ({ handle: deps.handle, auditKey: deps.auditKey } = await openMigrated(options.db, keys, clock));
        throw error;
      }
      gate.endSessions();
    });
  }

  return {
    deps,
    dispatch: gate.wrap(createDispatcher(deps)),
    close: async () => {
      // A job in its own thread is asked to stop and record where it stands while the base is open.
      await deps.jobs.close();
      deps.files.dispose();
      await deps.handle.close();
      unregister();
    },
  };
}

export const newSlot = (emit: SessionSlot['emit'] = () => {}): SessionSlot => ({ session: null, emit });
