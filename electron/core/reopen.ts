import type { ActiveSession } from './context';
import type { Dispatch } from './core-types';
import { conflict } from './errors';

/**
 * Lets the running core replace its database (a restore) without the hosts knowing: new calls
 * wait at the gate, the calls in flight finish, then the work runs alone. Sessions opened before
 * a replacement end at their next call: their user may not exist in the restored database.
 */
export class DatabaseGate {
  #inFlight = 0;
  #closed: Promise<void> | null = null;
  #onLeave: Array<() => void> = [];
  #generation = 0;
  /** The database generation each session was opened in. */
  readonly #born = new WeakMap<ActiveSession, number>();

  wrap(dispatch: Dispatch): Dispatch {
    return async (slot, method, input) => {
      while (this.#closed) await this.#closed;
      this.#inFlight += 1;
      const generation = this.#generation;
      try {
        const session = slot.session;
        if (session) {
          const born = this.#born.get(session);
          if (born === undefined) this.#born.set(session, generation);
          else if (born !== generation) {
            slot.session = null;
            slot.emit({ type: 'session.ended', reason: 'restored' });
          }
        }
        return await dispatch(slot, method, input);
      } finally {
        if (slot.session && !this.#born.has(slot.session)) this.#born.set(slot.session, generation);
        this.#inFlight -= 1;
        this.#onLeave.splice(0).forEach((wake) => wake());
      }
    };
  }

  /**
   * Runs `work` once no call but the caller's own (`ownCalls`) is in flight, holding new calls
   * back meanwhile. Refuses when the others do not finish within `waitMs`.
   */
  async exclusive<T>(ownCalls: number, waitMs: number, work: () => Promise<T>): Promise<T> {
    if (this.#closed) throw conflict('Une restauration est déjà en cours.');
    let open!: () => void;
    this.#closed = new Promise<void>((resolve) => (open = resolve));
    try {
      const deadline = Date.now() + waitMs;
      while (this.#inFlight > ownCalls) {
        const left = deadline - Date.now();
        if (left <= 0) {
          throw conflict('Une autre opération est en cours (import, sauvegarde…) : réessayez quand elle sera terminée.');
        }
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          this.#onLeave.push(resolve);
          timer = setTimeout(resolve, left);
        });
        clearTimeout(timer);
      }
      return await work();
    } finally {
      this.#closed = null;
      open();
    }
  }

  /** Every session opened so far ends at its next call. */
  endSessions(): void {
    this.#generation += 1;
  }
}
