import { existsSync, statSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { BackupManifest, BackupResult } from '../../../shared/domain/backup';
import type { CoreDeps, ServiceContext } from '../context';
import { DomainError, refused } from '../errors';
import { getFacility } from '../facility/facility';
import { getSetting } from '../settings/settings';
import { inspectDatabaseFile } from './check';
import { describeFsError, sha256File, syncFile } from './files';
import { signManifest, writeManifest } from './manifest';
import { partialPathOf, removeAbandonedPartials } from './partials';
import { backupFileNameIn, manifestPathOf } from './names';
import { pruneBackups } from './prune';
import { recordRun } from './runs';
import { openSqliteFile, sqliteCode } from './sqlite-file';
import { requireSqliteFile } from './sqlite-only';

export interface BackupOptions {
  /** An exact file to write (the command line's `--out`); otherwise the backup folder, pruned. */
  out?: string;
  progress?: (done: number, total: number | null, label: string) => void;
  signal?: AbortSignal;
}

/** Databases being backed up now: one backup at a time per database. */
const running = new Set<string>();

/**
 * A consistent copy of the live SQLite database while the desk keeps working: `VACUUM INTO`
 * on a read-only connection of its own reads one snapshot (WAL lets the app's writes go on),
 * then the copy is synced, checked (integrity, schema, facility), hashed, renamed into place
 * and described by its manifest. Only then are older generations pruned.
 */
export async function createBackup(ctx: ServiceContext, options: BackupOptions): Promise<BackupResult> {
  const { deps } = ctx;
  const source = requireSqliteFile(deps.handle);
  if (running.has(source)) throw new DomainError('CONFLICT', 'Une sauvegarde est déjà en cours : attendez qu’elle se termine.');
  running.add(source);
  const startedAt = deps.clock.now().toISOString();
  const db = deps.handle.db;
  let path: string | null = null;
  try {
    const folder = options.out ? dirname(resolve(options.out)) : await backupFolder(deps);
    const facility = await getFacility(db);
    const name = options.out ? basename(options.out) : backupFileNameIn(folder, facility?.code ?? null, deps.clock.now());
    path = join(folder, name);
    if (existsSync(path)) throw refused(`Le fichier « ${path} » existe déjà : choisissez un autre nom.`);
    const abandoned = await removeAbandonedPartials(folder);
    if (abandoned.length > 0) deps.log.info(`copies inachevées supprimées : ${abandoned.join(', ')}`);
    const manifest = await writeCopy(deps, source, path, options);
    const pruned = options.out ? [] : await pruneBackups(folder, facility?.code ?? null, await getSetting(db, 'backup.keep'));
    await recordRun(db, {
      started_at: startedAt,
      finished_at: deps.clock.now().toISOString(),
      by_login: ctx.login,
      outcome: 'ok',
      file: path,
      size: manifest.size,
      sha256: manifest.sha256,
      schema_version: manifest.schemaVersion,
      message: pruned.length > 0 ? `${pruned.length} ancienne(s) sauvegarde(s) supprimée(s)` : null,
    });
    options.progress?.(manifest.size, manifest.size, 'Sauvegarde vérifiée');
    return { path, manifest, pruned };
  } catch (error) {
    const failure = error instanceof DomainError ? error : new DomainError('REFUSED', describeFsError(error, path ?? ''));
    if (!(error instanceof DomainError)) deps.log.error('sauvegarde', error);
    await recordRun(db, {
      started_at: startedAt,
      finished_at: deps.clock.now().toISOString(),
      by_login: ctx.login,
      outcome: failure.code === 'CANCELLED' ? 'cancelled' : 'failed',
      file: path,
      size: null,
      sha256: null,
      schema_version: null,
      message: failure.message,
    }).catch((e: unknown) => deps.log.error('historique des sauvegardes', e));
    throw failure;
  } finally {
    running.delete(source);
  }
}

/** The backup folder from the settings; created if only its last level is missing (a new folder on a key). */
async function backupFolder(deps: CoreDeps): Promise<string> {
  const folder = await getSetting(deps.handle.db, 'backup.folder');
  if (folder === '') {
    throw refused('Aucun dossier de sauvegarde n’est choisi : indiquez-le dans Administration › Paramètres, section Sauvegardes.');
  }
  if (!existsSync(folder)) {
    // Never create the key's mount point: a backup "on the key" would land on the internal disk.
    if (!existsSync(dirname(folder))) throw refused(describeFsError({ code: 'ENOENT' }, folder));
    await mkdir(folder);
  } else if (!statSync(folder).isDirectory()) {
    throw refused(`« ${folder} » n'est pas un dossier.`);
  }
  return folder;
}

async function writeCopy(deps: CoreDeps, source: string, path: string, options: BackupOptions): Promise<BackupManifest> {
  const key = deps.auditKey.key;
  if (!key) {
    throw refused(
      `La clé d'audit est absente de ce poste (${deps.auditKey.where}) : une sauvegarde ne peut pas être signée. ` +
        'Copiez-y le fichier audit.key du poste qui a créé la base.',
    );
  }
  const partial = partialPathOf(path);
  const name = basename(path);
  try {
    await vacuumInto(source, partial, options);
    options.progress?.(0, null, 'Vérification de la copie');
    await syncFile(partial);
    const facts = await inspectDatabaseFile(partial, name);
    const sha256 = await sha256File(partial);
    const size = statSync(partial).size;
    await rename(partial, path);
    const manifest = signManifest(key, {
      format: 'ramed-backup',
      file: name,
      sha256,
      size,
      appVersion: deps.appVersion,
      schemaVersion: facts.migrations.at(-1) ?? '',
      facility: facts.facility,
      createdAt: deps.clock.now().toISOString(),
      ...(facts.auditHead ? { auditHead: facts.auditHead } : {}),
    });
    await writeManifest(manifestPathOf(path), manifest);
    return manifest;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** VACUUM INTO on a read-only connection, reporting the copy's growth against the live size. */
async function vacuumInto(source: string, partial: string, options: BackupOptions): Promise<void> {
  const reader = await openSqliteFile(source, 'read');
  const abort = () => reader.interrupt();
  options.signal?.addEventListener('abort', abort);
  const [pages] = await reader.all<{ used: number }>(
    'select (page_count - freelist_count) * page_size as used from pragma_page_count, pragma_freelist_count, pragma_page_size',
  );
  const total = pages?.used ?? null;
  const label = 'Copie de la base';
  options.progress?.(0, total, label);
  const poll = setInterval(() => {
    if (existsSync(partial)) options.progress?.(Math.min(statSync(partial).size, total ?? Infinity), total, label);
  }, 250);
  try {
    if (options.signal?.aborted) throw cancelled();
    await reader.run(`vacuum into '${partial.replaceAll("'", "''")}'`);
  } catch (error) {
    if (sqliteCode(error) === 'SQLITE_INTERRUPT' || options.signal?.aborted) throw cancelled();
    if (sqliteCode(error) === 'SQLITE_CANTOPEN' || sqliteCode(error) === 'SQLITE_FULL' || sqliteCode(error) === 'SQLITE_IOERR') {
      throw refused(
        `La copie n'a pas pu être écrite dans « ${dirname(partial)} » (${sqliteCode(error)}) : vérifiez la clé USB et sa place libre.`,
      );
    }
    throw error;
  } finally {
    clearInterval(poll);
    options.signal?.removeEventListener('abort', abort);
    await reader.close();
  }
}

const cancelled = () => new DomainError('CANCELLED', 'Sauvegarde annulée : aucune copie n’a été gardée.');
