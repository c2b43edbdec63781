import { tmpdir } from 'node:os';
import { systemClock, type Clock } from './clock';
import type { CoreDeps, ReplaceDatabase, SessionSlot } from './context';
import { openDatabase, type DbHandle } from './db/connect';
import { registerHolder } from './db/holders';
import { migrate } from './db/migrate';
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

async function openMigrated(target: string): Promise<DbHandle> {
  const handle = await openDatabase(target);
  try {
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
  /** How a refused restore names this process to the user (« l'application », « la ligne de commande »…). */
  program?: string;
}): Promise<Core> {
  const gate = new DatabaseGate();
  const handle = await openMigrated(options.db);
  const unregister = handle.file
    ? registerHolder(handle.file, options.program ?? 'RAMED Guichet', (options.clock ?? systemClock).now())
    : () => {};
  const deps: CoreDeps = {
    handle,
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
      unregister();
    },
  };
}

export const newSlot = (emit: SessionSlot['emit'] = () => {}): SessionSlot => ({ session: null, emit });
