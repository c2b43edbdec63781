export interface PullListReport {
  list: 'registry' | 'tariffs' | 'medicines';
  /** New files the index listed. */
  files: number;
  applied: number;
  /** Why the list stopped (French), or null. */
  error: string | null;
}

export interface PullReport {
  /** False when no ANAM address is set: nothing was asked. */
  configured: boolean;
  lists: PullListReport[];
}

/** One file pulled from the ANAM, as the history shows it. */
export interface PullView {
  id: number;
  list: 'registre' | 'tarifs' | 'medicaments';
  sequence: number | null;
  fileName: string;
  sha256: string;
  bytes: number;
  at: string;
  by: string;
  status: 'applique' | 'refuse';
  error: string | null;
}
