import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupCheck } from '../../../shared/domain/backup';
import type { ServiceContext } from '../context';
import { DomainError, refused } from '../errors';
import { getFacility } from '../facility/facility';
import { getSetting } from '../settings/settings';
import { checkBackup } from './check';
import { readManifest } from './manifest';
import { manifestPathOf } from './names';
import { requireSqliteFile } from './sqlite-only';

/** Where a backup of the backup folder lies, refused when the folder is not set. */
export async function backupInFolder({ deps }: ServiceContext, { name }: { name: string }): Promise<string> {
  requireSqliteFile(deps.handle);
  const folder = await getSetting(deps.handle.db, 'backup.folder');
  if (folder === '') throw refused('Aucun dossier de sauvegarde n’est choisi (Administration › Paramètres).');
  return join(folder, name);
}

/** The full check of a backup (what a restore would check), answered rather than thrown. */
export async function verifyBackup(ctx: ServiceContext, { name }: { name: string }): Promise<BackupCheck> {
  const { deps } = ctx;
  const path = await backupInFolder(ctx, { name });
  if (!existsSync(path)) return { ok: false, reason: `La sauvegarde « ${name} » est introuvable dans le dossier.` };
  try {
    const manifest = await readManifest(manifestPathOf(path), name);
    await checkBackup(path, name, manifest, { current: await getFacility(deps.handle.db), key: deps.auditKey.key });
    return { ok: true, manifest };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, reason: error.message };
    throw error;
  }
}
