import type { MethodName } from '../api/index';

/**
 * What a file uploaded to the browser host is for: the method that will read it (its roles are
 * the only ones allowed to upload it) and the largest size that use needs.
 */
export const UPLOAD_KINDS = {
  /** A national registry is a few hundred megabytes, even uncompressed. */
  registre: { method: 'registry.import', maxBytes: 1024 * 1024 * 1024 },
  /** A detached Ed25519 signature: one line of base64. */
  signature: { method: 'registry.import', maxBytes: 16 * 1024 },
  /** A tariff or medicine list (the import itself refuses beyond 20 Mio). */
  tarifs: { method: 'tariffs.import', maxBytes: 20 * 1024 * 1024 },
  medicaments: { method: 'medicines.import', maxBytes: 20 * 1024 * 1024 },
  programmes: { method: 'programmes.import', maxBytes: 20 * 1024 * 1024 },
  /** A backup of the database (SQLite file) and its manifest. */
  sauvegarde: { method: 'backup.restore', maxBytes: 4 * 1024 * 1024 * 1024 },
  manifeste: { method: 'backup.restore', maxBytes: 1024 * 1024 },
  /** An ANAM answer file (ClaimResponse or Bundle, JSON). */
  reponse: { method: 'claims.importResponse', maxBytes: 50 * 1024 * 1024 },
} as const satisfies Record<string, { method: MethodName; maxBytes: number }>;

export type UploadKind = keyof typeof UPLOAD_KINDS;

export const isUploadKind = (value: string | null): value is UploadKind => value !== null && Object.hasOwn(UPLOAD_KINDS, value);
