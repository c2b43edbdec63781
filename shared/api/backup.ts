import { z } from 'zod';
import { defineMethod, jobId, returns } from '../contract';
import { fileRef } from '../files';

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

/** The login the automatic backups are made under (shown as « automatique »). */
export const SCHEDULER_LOGIN = 'planificateur';

export const backupFileName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}\.db$/, 'Nom de sauvegarde invalide')
  .refine((name) => !name.includes('..'), 'Nom de sauvegarde invalide');

export const restoreSource = z.discriminatedUnion('kind', [
  /** A backup of the backup folder, by name. */
  z.strictObject({ kind: z.literal('folder'), name: backupFileName }),
  /** A file the user picked, and its manifest (found next to it when not given). */
  z.strictObject({ kind: z.literal('file'), file: fileRef, manifest: fileRef.optional() }),
]);
export type RestoreSource = z.output<typeof restoreSource>;

export const backupApi = {
  'backup.overview': defineMethod({
    input: z.strictObject({}),
    output: returns<BackupOverview>(),
    access: ['admin'],
    kind: 'query',
  }),
  'backup.create': defineMethod({
    input: z.strictObject({
      jobId,
      /** An exact file to write (the command line's `--out`), the folder's generations untouched; refused from a window. */
      out: z
        .string()
        .max(1000)
        .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)[^\0]*\.db$/, 'Chemin complet d’un fichier .db attendu (ex. /media/cle/ramed.db ou E:\\ramed.db)')
        .optional(),
    }),
    output: returns<BackupResult>(),
    access: ['admin'],
    kind: 'command',
    entity: 'backup',
    ownTransactions: true,
  }),
  'backup.verify': defineMethod({
    input: z.strictObject({ name: backupFileName }),
    output: returns<BackupCheck>(),
    access: ['admin'],
    kind: 'query',
  }),
  'backup.restore': defineMethod({
    input: z.strictObject({
      source: restoreSource,
      jobId,
      /** Restore a backup signed with another workstation's audit key; this base's chain is then re-anchored to this key. */
      acceptOtherKey: z.boolean().optional(),
    }),
    output: returns<RestoreResult>(),
    access: ['admin'],
    kind: 'command',
    entity: 'backup',
    ownTransactions: true,
  }),
};
