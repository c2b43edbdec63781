import { ramed } from '../lib/bridge';
import { formatNumber } from '../lib/format';
import { useJobProgress } from '../lib/useJobProgress';

interface Props {
  jobId: string;
  /** What the job is doing, before its first progress event. */
  label: string;
  /** How the counts read (default: plain numbers). */
  formatCount?: (n: number) => string;
}

function timeLeft(done: number, total: number, since: number): string | null {
  const elapsed = Date.now() - since;
  if (done <= 0 || done >= total || elapsed < 1000) return null;
  const seconds = Math.ceil(((total - done) * elapsed) / done / 1000);
  return seconds < 60 ? `environ ${seconds} s restantes` : `environ ${Math.ceil(seconds / 60)} min restantes`;
}

/** A long job's progress: step, bar, counts, time left, and a way to cancel it. */
export function JobProgressBar({ jobId, label, formatCount = formatNumber }: Props) {
  const { progress, stepStartedAt } = useJobProgress(jobId);
  const total = progress?.total ?? null;
  const done = progress?.done ?? 0;
  const left = total ? timeLeft(done, total, stepStartedAt) : null;
  return (
    <div className="job-progress" role="status" aria-live="polite">
      <div className="job-progress-head">
        <strong>{progress?.label ?? label}…</strong>
        {total ? (
          <span>
            {formatCount(done)} sur {formatCount(total)}
            {left ? ` — ${left}` : ''}
          </span>
        ) : done > 0 ? (
          // A step whose total is not known yet (the registry's first reading): the count so far.
          <span>{formatCount(done)} jusqu’ici</span>
        ) : null}
      </div>
      <progress aria-label={progress?.label ?? label} max={total ?? undefined} value={total ? done : undefined} />
      <button type="button" onClick={() => void ramed.jobs.cancel({ jobId })}>
        Annuler
      </button>
    </div>
  );
}
