import { timeLeftText } from '../../../shared/lib/time-left';
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

/** A long job's progress: step, bar, counts, time left, and a way to cancel it. */
export function JobProgressBar({ jobId, label, formatCount = formatNumber }: Props) {
  const { progress, stepStartedAt, receivedAt } = useJobProgress(jobId);
  const total = progress?.total ?? null;
  const done = progress?.done ?? 0;
  // Durations on the screen's own clock, taken as the events came: not a date (the app's day is not involved).
  const left = timeLeftText(done, total, receivedAt - stepStartedAt);
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
