import { useEffect } from 'react';
import { ramed } from './bridge';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Locks the screen after `minutes` without a key press, click or mouse move, and reports the
 * user's activity to the back end (at most every 30 s) so that typing a long form does not count
 * as being away. The back end enforces the same limit on its side.
 */
export function useIdleLock(minutes: number, active: boolean, onIdle: () => void): void {
  useEffect(() => {
    if (!active) return;
    const limit = minutes * 60_000;
    const reportEvery = Math.min(30_000, limit / 4);
    let last = Date.now();
    let reported = last;
    const onActivity = () => {
      last = Date.now();
      if (last - reported >= reportEvery) {
        reported = last;
        void ramed.auth.activity({});
      }
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last >= limit) onIdle();
    }, 5_000);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      window.clearInterval(timer);
    };
  }, [minutes, active, onIdle]);
}
