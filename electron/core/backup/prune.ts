import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { listBackups } from './catalog';
import { manifestPathOf } from './names';

/**
 * Keeps the `keep` newest verified backups of this facility and removes the older ones (file,
 * then manifest). Called only once a new backup is verified; other files are left alone.
 */
export async function pruneBackups(folder: string, facilityCode: string | null, keep: number): Promise<string[]> {
  const ours = (await listBackups(folder, facilityCode)).filter(
    (b) => b.state === 'verified' && (b.manifest?.facility?.code ?? null) === facilityCode,
  );
  const old = ours.slice(keep);
  for (const backup of old) {
    const path = join(folder, backup.name);
    await rm(path, { force: true });
    await rm(manifestPathOf(path), { force: true });
  }
  return old.map((b) => b.name);
}
