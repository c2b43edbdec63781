import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { systemClock, type Clock } from './clock';
import type { CoreDeps, ReplaceDatabase, SessionSlot } from './context';
import { isPostgresUrl, openDatabase, type DbHandle } from './db/connect';
import { hasRamedSchema, migrate } from './db/migrate';
import { createDispatcher, type Dispatch } from './dispatcher';
import { FileStore } from './files';
import { consoleLogger, type Logger } from './logger';
import { DatabaseGate } from './reopen';
import { APP_VERSION } from './version';

export interface Core {
  deps: CoreDeps;
  dispatch: Dispatch;
  close(): Promise<void>;
}

/** How long a restore waits for the calls in flight (an import, a backup) before refusing. */
const REOPEN_WAIT_MS = 30_000;

/** Raised instead of creating a database (or migrating a stranger's) when the caller said it must exist. */
export class MissingDatabaseError extends Error {
  override name = 'MissingDatabaseError';
}

async function openMigrated(target: string, create = true): Promise<DbHandle> {
  if (!create && !isPostgresUrl(target) && !existsSync(target)) {
    throw new MissingDatabaseError(
      `La base « ${target} » n’existe pas. Vérifiez le chemin donné par --db, ou créez la base avec « ramed init » ou « ramed demo ».`,
    );
  }
  const handle = await openDatabase(target);
  try {
    if (!create && !(await hasRamedSchema(handle.db))) {
      throw new MissingDatabaseError(
        `La base « ${handle.label} » ne contient pas de données RAMED : elle n’a pas été modifiée. Vérifiez --db, ou préparez-la avec « ramed init ».`,
      );
    }
    await migrate(handle.db, handle.features);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
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
}): Promise<Core> {
  const gate = new DatabaseGate();
  const deps: CoreDeps = {
    handle: await openMigrated(options.db, options.create ?? true),
    clock: options.clock ?? systemClock,
    log: options.log ?? consoleLogger,
    appVersion: APP_VERSION,
    files: new FileStore(options.uploadDir ?? tmpdir()),
    reopen,
    outboxQueued: new Set(),
  };

  /** Called by a handler (a restore): that one call stays in flight while the others finish. */
  function reopen(replace: ReplaceDatabase): Promise<void> {
    return gate.exclusive(1, REOPEN_WAIT_MS, async () => {
      await deps.handle.close();
      let undo: (() => Promise<void>) | undefined;
      try {
        undo = await replace();
        deps.handle = await openMigrated(options.db);
      } catch (error) {
        await undo?.();
        deps.handle = await openMigrated(options.db);
        throw error;
      }
      gate.endSessions();
    });
  }

  return {
    deps,
    dispatch: gate.wrap(createDispatcher(deps)),
    close: async () => {
      deps.files.dispose();
      await deps.handle.close();
    },
  };
}

export const newSlot = (emit: SessionSlot['emit'] = () => {}): SessionSlot => ({ session: null, emit });
