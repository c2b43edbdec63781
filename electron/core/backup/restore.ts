import { rm } from 'node:fs/promises';
import type { RestoreResult } from '../../../shared/domain/backup';
import type { CoreDeps, ServiceContext } from '../context';
import { schemaVersion } from '../db/migrate';
import { DomainError, refused } from '../errors';
import { getFacility } from '../facility/facility';
import { anchorAudit } from '../audit/audit-log';
import { checkBackup } from './check';
import { copyHashing, describeFsError } from './files';
import { readManifest } from './manifest';
import { lockExclusive } from './live-file';
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
  /** The user vouches for a backup signed with another workstation's audit key. */
  acceptOtherKey?: boolean;
}

/**
 * Replaces the database with a backup, or changes nothing: the backup is first copied next to
 * the database (the key may be pulled out) while hashed, and the copy checked against its
 * manifest (size, SHA-256), SQLite's integrity check, the schema (not newer than this app) and
 * the facility. Then the core closes the database, takes it alone (no other program may have it
 * open), keeps a copy of it aside named with the time, writes the backup into it through SQLite's
 * backup API and reopens it, migrating an older schema.
 */
export async function restoreBackup(ctx: ServiceContext, input: RestoreInput): Promise<RestoreResult> {
  const { deps } = ctx;
  const file = requireSqliteFile(deps.handle);
  const manifest = await readManifest(input.manifestPath, input.name);
  const stamp = fileStamp(deps.clock.now());
  const staged = `${file}.restauration-${stamp}`;
  const aside = `${file}.avant-restauration-${stamp}`;
  let otherKeyId: string | null;
  try {
    input.progress?.(0, manifest.size, 'Copie de la sauvegarde');
    const hashed = await copyHashing(input.path, staged, (n) => input.progress?.(n, manifest.size, 'Copie de la sauvegarde'), input.signal);
    input.progress?.(0, null, 'Vérification de la sauvegarde');
    const checked = await checkBackup(staged, input.name, manifest, {
      current: await getFacility(deps.handle.db),
      hashed,
      key: deps.auditKey.key,
      acceptOtherKey: input.acceptOtherKey,
    });
    otherKeyId = checked.otherKeyId;
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
  if (otherKeyId) await reanchor(deps, otherKeyId, input.name);
  return { restored: manifest, asidePath: aside, schemaVersion: (await schemaVersion(deps.handle.db, deps.handle.features)) ?? '' };
}

/**
 * With the core's own connection closed: takes the base alone (refused, naming them, while other
 * programs have it open), copies it aside, then writes the checked copy's pages into the live
 * file. The file is never renamed: a program that opens it next finds the restored base.
 */
async function swapIn(file: string, staged: string, aside: string): Promise<() => Promise<void>> {
  const live = await lockExclusive(file);
  try {
    await live.copyTo(aside);
    await live.replaceFrom(staged);
  } catch (error) {
    // The backup API writes in one transaction: a failed copy leaves the base as it was.
    await live.close();
    await rm(aside, { force: true });
    throw error;
  }
  await live.close();
  await rm(staged, { force: true });
  return async () => {
    const again = await lockExclusive(file);
    try {
      await again.replaceFrom(aside);
    } finally {
      await again.close();
    }
    // Put back whole: the copy aside has nothing the base does not hold.
    await rm(aside, { force: true });
  };
}

/** The restored chain was sealed by another workstation's key: from now on it is sealed with this one's, and says so. */
async function reanchor(deps: CoreDeps, otherKeyId: string, name: string): Promise<void> {
  const head = await deps.handle.db.selectFrom('audit_head').select('key_id').where('id', '=', 1).executeTakeFirst();
  if (!deps.auditKey.key || head?.key_id === deps.auditKey.key.id) return;
  await anchorAudit(deps.handle.db, deps.handle.features, deps.auditKey.key, {
    at: deps.clock.now().toISOString(),
    actorLogin: 'système',
    prior: 'other-key',
    previousKeyId: otherKeyId,
    reason: `Restauration de « ${name} », signée par une autre clé d'audit, acceptée par l'utilisateur.`,
  });
}

const isFsError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && /^E[A-Z]+$/.test(String((error as { code: unknown }).code));
