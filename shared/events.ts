/** Events pushed from the back end to the window (progress of long jobs, session state). */
export interface JobProgress {
  jobId: string;
  done: number;
  /** Null while the total is not known yet. */
  total: number | null;
  label: string;
}

export type ApiEvent =
  { type: 'job.progress'; progress: JobProgress } | { type: 'session.ended'; reason: 'logout' | 'expired' | 'restored' };
