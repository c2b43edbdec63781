import { existsSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupEntry } from '../../../shared/domain/backup';
import { readManifestOrNull } from './manifest';
import { manifestPathOf } from './names';

export type FolderState = 'unset' | 'missing' | 'ready';

export function folderState(folder: string): FolderState {
  if (folder === '') return 'unset';
  return existsSync(folder) && statSync(folder).isDirectory() ? 'ready' : 'missing';
}

/**
 * The backups in a folder, newest first, each with what a quick look can tell: manifest present,
 * size unchanged, same facility. (The full check, SHA-256 and integrity, is `checkBackup`.)
 */
export async function listBackups(folder: string, facilityCode: string | null): Promise<BackupEntry[]> {
  if (folderState(folder) !== 'ready') return [];
  const names = (await readdir(folder)).filter((n) => n.endsWith('.db'));
  const entries = await Promise.all(
    names.map(async (name): Promise<BackupEntry> => {
      const path = join(folder, name);
      const size = (await stat(path)).size;
      const manifest = await readManifestOrNull(manifestPathOf(path));
      const state = !manifest
        ? 'no-manifest'
        : facilityCode !== null && manifest.facility?.code !== facilityCode
          ? 'other-facility'
          : manifest.size !== size
            ? 'size-changed'
            : 'verified';
      return { name, state, manifest, size };
    }),
  );
  return entries.sort((a, b) => (b.manifest?.createdAt ?? '').localeCompare(a.manifest?.createdAt ?? '') || b.name.localeCompare(a.name));
}
