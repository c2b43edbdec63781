import type { ApiResult } from '../../shared/contract/result';
import type { CoreDeps, SessionSlot } from './context';

// The shapes of a running core, apart from app.ts and dispatcher.ts that build it: the services a
// host starts (outbox worker, schedulers) depend on these, not on the modules that import them.

/** The single entry to the back end: one call of a contract method on a session slot. */
export type Dispatch = (slot: SessionSlot, method: string, rawInput: unknown) => Promise<ApiResult<unknown>>;

/** An opened database with its dispatcher: what every host (window, browser host, CLI) runs on. */
export interface Core {
  deps: CoreDeps;
  dispatch: Dispatch;
  close(): Promise<void>;
}
