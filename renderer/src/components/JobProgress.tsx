import { useEffect, useRef, useState } from 'react';
import type { JobProgress as Progress } from '../../../shared/events';
import { subscribe } from '../lib/bridge';

/** "environ 3 min", "moins d’une minute": what a person needs, not a countdown. */
export function describeTimeLeft(seconds: number): string {
  if (seconds < 60) return 'moins d’une minute';
  if (seconds < 3600) return `environ ${Math.round(seconds / 60)} min`;
  const hours = Math.floor(seconds / 3600);
  return `environ ${hours} h ${String(Math.round((seconds % 3600) / 60)).padStart(2, '0')}`;
}

/**
 * A long job's progress bar: what it is doing (with its counts), how far, the time left once the
 * pace is known, and a cancel button. Follows the progress events of `jobId`.
 */
export function JobProgress({ jobId, onCancel, cancelling }: { jobId: string; onCancel: () => void; cancelling: boolean }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [timeLeft, setTimeLeft] = useState<number | null>(null);
  const pace = useRef<{ at: number; done: number } | null>(null);

  useEffect(
    () =>
      subscribe((event) => {
        if (event.type !== 'job.progress' || event.progress.jobId !== jobId) return;
        const { done, total } = event.progress;
        setProgress(event.progress);
        if (total === null || done === 0) return;
        const now = performance.now();
        // The pace is measured from the first counted step, so the file check does not skew it.
        pace.current ??= { at: now, done };
        const rate = (done - pace.current.done) / ((now - pace.current.at) / 1000);
        setTimeLeft(rate > 0 ? (total - done) / rate : null);
      }),
    [jobId],
  );

  const fraction = progress?.total ? Math.min(1, progress.done / progress.total) : null;
  return (
    <div className="job-progress" role="status" aria-live="polite">
      <progress
        max={1}
        value={fraction ?? undefined}
        aria-label="Avancement"
        aria-valuetext={fraction === null ? 'en préparation' : `${Math.round(fraction * 100)} %`}
      />
      <div className="job-progress-line">
        <span>{progress?.label ?? 'Préparation…'}</span>
        <span className="muted">
          {fraction !== null ? `${Math.round(fraction * 100)} %` : ''}
          {timeLeft !== null && fraction !== null && fraction < 1 ? ` — temps restant : ${describeTimeLeft(timeLeft)}` : ''}
        </span>
      </div>
      <button type="button" onClick={onCancel} disabled={cancelling}>
        {cancelling ? 'Annulation…' : 'Annuler'}
      </button>
    </div>
  );
}
