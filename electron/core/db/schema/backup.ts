import type { Generated } from 'kysely';

export interface BackupRunTable {
  id: Generated<number>;
  started_at: string;
  finished_at: string;
  by_login: string;
  outcome: 'ok' | 'failed' | 'cancelled';
  /** The backup's path (or where it was to be written). */
  file: string | null;
  size: number | null;
  sha256: string | null;
  schema_version: string | null;
  /** Why it failed, in French. */
  message: string | null;
}

export interface BackupTables {
  backup_run: BackupRunTable;
}
