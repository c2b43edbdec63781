/** Events pushed from the back end to the window (progress of long jobs, session state). */
export interface JobProgress {
  jobId: string;
  done: number;
  /** Null while the total is not known yet. */
  total: number | null;
  label: string;
}

export type ApiEvent =
  | { type: 'job.progress'; progress: JobProgress }
  /** The session is over; `message` says why when the user did not sign out himself. */
  | { type: 'session.ended'; reason: 'logout' | 'expired' | 'revoked' | 'restored'; message?: string }
  /** Idle too long, or locked by the user: the window covers itself until the password is given. */
  | { type: 'session.locked' };
