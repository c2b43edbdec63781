import type { Clock } from '../../electron/core/clock';

/** A clock the test moves by hand, to cross the inactivity lock or a session's age limit. */
export interface MovableClock extends Clock {
  advance(minutes: number): void;
}

export function movableClock(startIso = '2026-11-16T08:00:00.000Z'): MovableClock {
  let t = Date.parse(startIso);
  return {
    now: () => new Date(t),
    advance: (minutes) => {
      t += minutes * 60_000;
    },
  };
}
