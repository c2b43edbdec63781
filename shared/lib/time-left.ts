/** Before this, the pace is not known well enough to say anything. */
const SETTLED_MS = 1000;

/**
 * The time a long job still needs, said the French way (« environ 2 min restantes »), from what is
 * done of the total and the time taken so far at a steady pace; null while nothing can be said
 * (nothing done yet, done, total unknown, or the step just started).
 */
export function timeLeftText(done: number, total: number | null, elapsedMs: number): string | null {
  if (!total || done <= 0 || done >= total || elapsedMs < SETTLED_MS) return null;
  const seconds = Math.ceil(((total - done) * elapsedMs) / done / 1000);
  if (seconds < 10) return 'quelques secondes restantes';
  if (seconds < 60) return `environ ${Math.ceil(seconds / 5) * 5} s restantes`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `environ ${minutes} min ${minutes > 1 ? 'restantes' : 'restante'}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `environ ${hours} h${rest ? ` ${String(rest).padStart(2, '0')}` : ''} restantes`;
}
