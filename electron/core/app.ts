import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock, type Clock } from './clock';
import type { CoreDeps, SessionSlot } from './context';
import { openDatabase } from './db/connect';
import { migrate } from './db/migrate';
import { createDispatcher, type Dispatch } from './dispatcher';
import { FileStore } from './files';
import { consoleLogger, type Logger } from './logger';
import { APP_VERSION } from './version';

export interface Core {
  deps: CoreDeps;
  dispatch: Dispatch;
  close(): Promise<void>;
}

/**
 * Opens (and migrates) the database and builds the dispatcher: what every host starts with.
 * `uploadDir` holds files uploaded through the browser host (default: the system temp folder).
 */
export async function openCore(options: { db: string; clock?: Clock; log?: Logger; uploadDir?: string }): Promise<Core> {
  const handle = await openDatabase(options.db);
  try {
    await migrate(handle.db, handle.features);
  } catch (error) {
    await handle.close();
    throw error;
  }
  const deps: CoreDeps = {
    handle,
    clock: options.clock ?? systemClock,
    log: options.log ?? consoleLogger,
    appVersion: APP_VERSION,
    files: new FileStore(options.uploadDir ?? join(tmpdir(), 'ramed-uploads')),
  };
  return { deps, dispatch: createDispatcher(deps), close: () => handle.close() };
}

export const newSlot = (emit: SessionSlot['emit'] = () => {}): SessionSlot => ({ session: null, emit });
