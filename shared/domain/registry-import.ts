export const IMPORT_MODES = ['full', 'delta'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const IMPORT_MODE_LABELS: Record<ImportMode, string> = {
  full: 'Complet (les personnes absentes du fichier sont radiées)',
  delta: 'Mise à jour (ajouts et modifications seulement)',
};

export type ImportStatus = 'running' | 'done' | 'refused' | 'cancelled' | 'interrupted' | 'failed' | 'dry_run';
export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  dry_run: 'Essai à blanc (rien modifié)',
  running: 'En cours',
  done: 'Terminé',
  refused: 'Refusé',
  cancelled: 'Annulé',
  interrupted: 'Interrompu',
  failed: 'Échec',
};

/** valid: checked against the ANAM key; unsigned: no key set and no signature; unverified: signed but no key set. */
export type SignatureStatus = 'valid' | 'invalid' | 'missing' | 'unsigned' | 'unverified';
export const SIGNATURE_LABELS: Record<SignatureStatus, string> = {
  valid: 'Signature ANAM valide',
  invalid: 'Signature invalide',
  missing: 'Signature absente',
  unsigned: 'Non signé (aucune clé configurée)',
  unverified: 'Signé, non vérifié (aucune clé configurée)',
};

export interface Rejection {
  line: number;
  reason: string;
}

export interface ImportResult {
  importId: number;
  inserted: number;
  updated: number;
  unchanged: number;
  struckOff: number;
  /** The first rejected rows (all of them up to REJECTIONS_RETURNED); `rejectedCount` says how many in all. */
  rejected: Rejection[];
  rejectedCount: number;
  /** File-level remarks that did not stop the import (unknown columns ignored…). */
  warnings: string[];
  signature: SignatureStatus;
  /** True when this call continued an import that had stopped (crash, cancel). */
  resumed: boolean;
  /** A dry run: the counts say what the import would change; nothing was changed. */
  dryRun: boolean;
  /** What the file's declaration line says (null: no declaration). */
  extractDate: string | null;
  sequence: number | null;
}

export const REJECTIONS_RETURNED = 1000;

export interface ImportSummary {
  id: number;
  fileName: string;
  sha256: string;
  mode: ImportMode;
  strict: boolean;
  signature: SignatureStatus;
  status: ImportStatus;
  message: string | null;
  startedAt: string;
  finishedAt: string | null;
  byLogin: string;
  /** Data rows in the file, once it has been read through. */
  rowsTotal: number | null;
  rowsDone: number;
  inserted: number;
  updated: number;
  unchanged: number;
  struckOff: number;
  rejected: number;
  extractDate: string | null;
  sequence: number | null;
}

export interface RegistryOverview {
  persons: number;
  /** When the last completed import finished, null if none. */
  lastImportAt: string | null;
  /** Whole days since then (null: never imported). */
  lastImportAgeDays: number | null;
  freshnessDays: number;
  /** Older than the configured freshness, or never imported: the desk's answers may be out of date. */
  stale: boolean;
  imports: ImportSummary[];
}
