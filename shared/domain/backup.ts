/** What is written next to each backup (`<backup>.manifest.json`) and checked before a restore. */
export interface BackupManifest {
  format: 'ramed-backup';
  /** 2: signed with the audit key (1: before, unsigned, accepted only for a base older than 0020). */
  formatVersion: 1 | 2;
  /** The backup's file name, without folder. */
  file: string;
  sha256: string;
  size: number;
  appVersion: string;
  /** The newest migration the backup holds. */
  schemaVersion: string;
  facility: { code: string; name: string } | null;
  createdAt: string;
  /** Fingerprint of the audit key that signed this manifest (version 2). */
  keyId?: string;
  /** The backup's audit head (last row and its hash), as sealed in it (version 2). */
  auditHead?: { seq: number; hash: string };
  /** HMAC-SHA-256 under the audit key of every other field (version 2). */
  signature?: string;
}

/**
 * A backup found in the backup folder. `verified`: its manifest is there and its size matches
 * (the full check, SHA-256 and integrity, is `backup.verify`).
 */
export type BackupState = 'verified' | 'no-manifest' | 'size-changed' | 'other-facility';

export interface BackupEntry {
  name: string;
  state: BackupState;
  /** Null when there is no readable manifest. */
  manifest: BackupManifest | null;
  /** Size of the file on disk, in bytes. */
  size: number;
}

export interface BackupRunView {
  id: number;
  startedAt: string;
  finishedAt: string;
  /** The login that asked for it, or SCHEDULER_LOGIN for the automatic backups. */
  by: string;
  outcome: 'ok' | 'failed' | 'cancelled';
  file: string | null;
  size: number | null;
  message: string | null;
}

export interface BackupOverview {
  /** False on PostgreSQL: the server's administrator backs it up (pg_dump). */
  available: boolean;
  /** Why backups are not available here, in French. */
  unavailableReason: string | null;
  folder: string;
  folderState: 'unset' | 'missing' | 'ready';
  /**
   * The folder offered while none is chosen: `sauvegardes` beside the database, in the app's data
   * folder (created by the first backup). Null without a database file (PostgreSQL).
   */
  defaultFolder: string | null;
  intervalHours: number;
  keep: number;
  lastSuccessAt: string | null;
  /** When the next automatic backup is due; null when automatic backups are off. */
  nextDueAt: string | null;
  backups: BackupEntry[];
  /** The latest runs (manual, automatic, command line), newest first. */
  runs: BackupRunView[];
}

export interface BackupResult {
  path: string;
  manifest: BackupManifest;
  /** Older backups removed to keep `backup.keep` generations. */
  pruned: string[];
}

export type BackupCheck = { ok: true; manifest: BackupManifest } | { ok: false; reason: string };

export interface RestoreResult {
  restored: BackupManifest;
  /** Where a copy of the database that was replaced lies (named with the time of the restore). */
  asidePath: string;
  /** The schema after the restore (newer than the backup's when it was migrated). */
  schemaVersion: string;
}
