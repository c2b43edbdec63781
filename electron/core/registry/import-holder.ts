import { hostname } from 'node:os';

/** This process, as named in a running import's `holder`. */
export const thisHolder = (): string => `${hostname()}:${process.pid}`;

/**
 * True when `holder` names a process of this machine that no longer exists: its import died (a
 * crash, `kill -9`) and may be resumed at once. A holder on another machine cannot be checked:
 * only its heartbeat tells.
 */
export function holderIsGone(holder: string | null): boolean {
  const match = holder ? /^(.*):(\d+)$/.exec(holder) : null;
  if (!match || match[1] !== hostname()) return false;
  try {
    process.kill(Number(match[2]), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
