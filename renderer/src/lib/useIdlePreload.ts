import { useEffect } from 'react';

/**
 * Fetches code the user will soon need (a lazy chunk) while `active`: not at once, but `delayMs`
 * later and when the page is idle, so that the screen shown keeps its first frames and keys.
 */
export function useIdlePreload(active: boolean, preload: () => Promise<unknown>, delayMs: number) {
  useEffect(() => {
    if (!active) return;
    let idle = 0;
    const timer = window.setTimeout(() => {
      idle = requestIdleCallback(() => void preload().catch(() => undefined), { timeout: 2000 });
    }, delayMs);
    return () => {
      window.clearTimeout(timer);
      cancelIdleCallback(idle);
    };
  }, [active, preload, delayMs]);
}
