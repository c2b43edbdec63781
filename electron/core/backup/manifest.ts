import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import type { BackupManifest } from '../../../shared/domain/backup';
import { canonicalJson } from '../../../shared/lib/canonical-json';
import type { AuditKey } from '../audit/audit-key';
import { refused } from '../errors';
import { writeFileAtomic } from './files';

const manifestSchema = z.object({
  format: z.literal('ramed-backup'),
  formatVersion: z.union([z.literal(1), z.literal(2)]),
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  appVersion: z.string(),
  schemaVersion: z.string().min(1),
  facility: z.object({ code: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  keyId: z.string().max(64).optional(),
  auditHead: z.object({ seq: z.number().int().nonnegative(), hash: z.string().max(64) }).optional(),
  signature: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

/** What the signature covers: every field but itself, in a canonical order. */
const signedText = (manifest: BackupManifest): string => {
  const { signature: _signature, ...rest } = manifest;
  return `ramed-backup-manifest\n${canonicalJson(rest)}`;
};

/** The manifest, signed with the audit key (format 2). */
export function signManifest(key: AuditKey, manifest: Omit<BackupManifest, 'formatVersion' | 'keyId' | 'signature'>): BackupManifest {
  const unsigned: BackupManifest = { ...manifest, formatVersion: 2, keyId: key.id };
  return { ...unsigned, signature: key.mac(signedText(unsigned)) };
}

/** Whether a format-2 manifest's signature holds under `key`. */
export const manifestSignatureHolds = (key: AuditKey, manifest: BackupManifest): boolean =>
  manifest.signature !== undefined && manifest.keyId === key.id && key.mac(signedText(manifest)) === manifest.signature;

/** The manifest of a backup, or a French refusal saying it is missing or unreadable. */
export async function readManifest(path: string, backupName: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw refused(
      `Le manifeste de la sauvegarde « ${backupName} » est introuvable (fichier « ${basename(path)} », à côté d'elle). ` +
        'Sans lui, on ne peut pas vérifier que la copie est intacte : choisissez aussi ce fichier, ou une autre sauvegarde.',
    );
  }
  const parsed = manifestSchema.safeParse(safeJson(text));
  if (!parsed.success) throw refused(`Le manifeste « ${basename(path)} » est illisible : ce n'est pas celui d'une sauvegarde RAMED.`);
  return parsed.data;
}

/** Reads a manifest for a listing: null when absent or unreadable. */
export async function readManifestOrNull(path: string): Promise<BackupManifest | null> {
  try {
    return await readManifest(path, '');
  } catch {
    return null;
  }
}

export const writeManifest = (path: string, manifest: BackupManifest): Promise<void> =>
  writeFileAtomic(path, `${JSON.stringify(manifest, null, 2)}\n`);

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
