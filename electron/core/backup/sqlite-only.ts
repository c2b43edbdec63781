import type { DbHandle } from '../db/connect';
import { refused } from '../errors';

export const POSTGRES_BACKUP_MESSAGE =
  'Cette installation utilise une base PostgreSQL partagée : sa sauvegarde et sa restauration sont faites sur le serveur, ' +
  'par son administrateur, avec pg_dump et pg_restore (voir le guide, section Sauvegardes). ' +
  'L’application ne sauvegarde que les bases locales SQLite.';

/** The SQLite file to back up or replace; on PostgreSQL, a refusal that says who does it and how. */
export function requireSqliteFile(handle: DbHandle): string {
  if (!handle.file) throw refused(POSTGRES_BACKUP_MESSAGE);
  return handle.file;
}
