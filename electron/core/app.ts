import { systemClock, type Clock } from './clock';
import type { CoreDeps, SessionSlot } from './context';
import { openDatabase } from './db/connect';
import { migrate } from './db/migrate';
import { createDispatcher, type Dispatch } from './dispatcher';
import { consoleLogger, type Logger } from './logger';
import { APP_VERSION } from './version';

export interface Core {
  deps: CoreDeps;
  dispatch: Dispatch;
  close(): Promise<void>;
}

/** Opens (and migrates) the database and builds the dispatcher: what every host starts with. */
export async function openCore(options: { db: string; clock?: Clock; log?: Logger }): Promise<Core> {
  const handle = await openDatabase(options.db);
  try {
    await migrate(handle.db, handle.features);
  } catch (error) {
    await handle.close();
    throw error;
  }
  const deps: CoreDeps = { handle, clock: options.clock ?? systemClock, log: options.log ?? consoleLogger, appVersion: APP_VERSION };
  return { deps, dispatch: createDispatcher(deps), close: () => handle.close() };
}

export const newSlot = (emit: SessionSlot['emit'] = () => {}): SessionSlot => ({ session: null, emit });
