import { useEffect, useState } from 'react';
import type { JobProgress } from '../../../shared/contract/events';
import { subscribe } from './bridge';

export interface JobState {
  progress: JobProgress | null;
  /** When the current step started (ms), to estimate the time left. */
  stepStartedAt: number;
  /** When the latest progress event came (ms): with `stepStartedAt`, the time its `done` took. */
  receivedAt: number;
}

/** The latest progress event of a long job (mount one per job: key it by `jobId`). */
export function useJobProgress(jobId: string): JobState {
  const [state, setState] = useState<JobState>({ progress: null, stepStartedAt: 0, receivedAt: 0 });
  useEffect(
    () =>
      subscribe((event) => {
        if (event.type !== 'job.progress' || event.progress.jobId !== jobId) return;
        const now = Date.now();
        setState((previous) => ({
          progress: event.progress,
          stepStartedAt: previous.progress?.label === event.progress.label ? previous.stepStartedAt : now,
          receivedAt: now,
        }));
      }),
    [jobId],
  );
  return state;
}
