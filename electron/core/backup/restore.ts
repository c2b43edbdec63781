import { existsSync, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { RestoreResult } from '../../../shared/api/backup';
import type { CoreDeps } from '../context';
import { schemaVersion } from '../db/migrate';
import { conflict, DomainError, refused } from '../errors';
import { getFacility } from '../facility/facility';
import { checkBackup } from './check';
import { copyHashing, describeFsError } from './files';
import { readManifest } from './manifest';
import { fileStamp } from './names';
import { requireSqliteFile } from './sqlite-only';

export interface RestoreInput {
  /** The backup file and its manifest, wherever they are (the folder, a picked file, an upload). */
  path: string;
  manifestPath: string;
  /** How the user knows it (its file name). */
  name: string;
  progress?: (done: number, total: number | null, label: string) => void;
  signal?: AbortSignal;
}

/**
 * Replaces the database with a backup, or changes nothing: the backup is first copied next to
 * the database (the key may be pulled out) while hashed, and the copy checked against its
 * manifest (size, SHA-256), SQLite's integrity check, the schema (not newer than this app) and
 * the facility. Then the core closes the database, which is kept aside renamed with the time,
 * puts the copy in its place and reopens it, migrating an older schema.
 */
export async function restoreBackup(deps: CoreDeps, input: RestoreInput): Promise<RestoreResult> {
  const file = requireSqliteFile(deps.handle);
  const manifest = await readManifest(input.manifestPath, input.name);
  const stamp = fileStamp(deps.clock.now());
  const staged = `${file}.restauration-${stamp}`;
  const aside = `${file}.avant-restauration-${stamp}`;
  try {
    input.progress?.(0, manifest.size, 'Copie de la sauvegarde');
    const hashed = await copyHashing(input.path, staged, (n) => input.progress?.(n, manifest.size, 'Copie de la sauvegarde'), input.signal);
    input.progress?.(0, null, 'Vérification de la sauvegarde');
    await checkBackup(staged, input.name, manifest, { current: await getFacility(deps.handle.db), hashed });
    input.progress?.(0, null, 'Remplacement de la base');
    await deps
      .reopen(() => swapIn(file, staged, aside))
      .catch((error: unknown) => {
        if (error instanceof DomainError || isFsError(error)) throw error;
        // The copy could not be opened or migrated: the core has put the previous database back.
        deps.log.error('restauration', error);
        throw refused(
          `La sauvegarde « ${input.name} » n'a pas pu être ouverte ni mise à jour (${error instanceof Error ? error.message : String(error)}). ` +
            'La base actuelle a été remise en place : rien n’a changé.',
        );
      });
  } catch (error) {
    await rm(staged, { force: true });
    if (error instanceof DomainError) throw error;
    if (isFsError(error)) throw new DomainError('REFUSED', describeFsError(error, input.path));
    throw error;
  }
  return { restored: manifest, asidePath: aside, schemaVersion: (await schemaVersion(deps.handle.db, deps.handle.features)) ?? '' };
}

/** With the database closed: the current file aside, the checked copy in its place. */
async function swapIn(file: string, staged: string, aside: string): Promise<() => Promise<void>> {
  const wal = `${file}-wal`;
  // The last connection to close removes the WAL; one left means another program has the base open.
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw conflict(
      'La base est encore ouverte par un autre programme (une autre fenêtre de RAMED Guichet, la ligne de commande ?) : ' +
        'fermez-le, puis recommencez.',
    );
  }
  await rm(wal, { force: true });
  await rm(`${file}-shm`, { force: true });
  await rename(file, aside);
  try {
    await rename(staged, file);
  } catch (error) {
    await rename(aside, file);
    throw error;
  }
  return async () => {
    await rm(file, { force: true });
    await rm(`${file}-wal`, { force: true });
    await rm(`${file}-shm`, { force: true });
    await rename(aside, file);
  };
}

const isFsError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && /^E[A-Z]+$/.test(String((error as { code: unknown }).code));
