/** How long to wait before the next attempt: exponential, capped, with full jitter (AWS style). */
export const BACKOFF = { baseMs: 30_000, capMs: 60 * 60_000 } as const;

export function backoffMs(attempts: number, random: () => number, policy: { baseMs: number; capMs: number } = BACKOFF): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.floor(random() * ceiling);
}

/** `Retry-After` as seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: Date): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}
