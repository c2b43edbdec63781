import { z } from 'zod';
import { defineMethod, jobId, returns } from '../contract/contract';
import { fileRef } from '../contract/files';
import { type BackupOverview, type BackupResult, type BackupCheck, type RestoreResult } from '../domain/backup';

/** The login the automatic backups are made under (shown as « automatique »). */
export const SCHEDULER_LOGIN = 'planificateur';

export const backupFileName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}\.db$/, 'Nom de sauvegarde invalide')
  .refine((name) => !name.includes('..'), 'Nom de sauvegarde invalide');

export const restoreSource = z.discriminatedUnion('kind', [
  /** A backup of the backup folder, by name. */
  z.strictObject({ kind: z.literal('folder'), name: backupFileName }),
  /** A file the user picked, and its manifest (found next to it when not given). */
  z.strictObject({ kind: z.literal('file'), file: fileRef, manifest: fileRef.optional() }),
]);
export type RestoreSource = z.output<typeof restoreSource>;

export const backupApi = {
  'backup.overview': defineMethod({
    input: () => z.strictObject({}),
    output: returns<BackupOverview>(),
    access: ['admin'],
    kind: 'query',
  }),
  'backup.create': defineMethod({
    input: () =>
      z.strictObject({
        jobId,
        /** An exact file to write (the command line's `--out`), the folder's generations untouched; refused from a window. */
        out: z
          .string()
          .max(1000)
          .regex(
            /^(\/|[A-Za-z]:[\\/]|\\\\)[^\0]*\.db$/,
            'Chemin complet d’un fichier .db attendu (ex. /media/cle/ramed.db ou E:\\ramed.db)',
          )
          .optional(),
      }),
    output: returns<BackupResult>(),
    access: ['admin'],
    kind: 'command',
    entity: 'backup',
    ownTransactions: true,
  }),
  'backup.verify': defineMethod({
    input: () => z.strictObject({ name: backupFileName }),
    output: returns<BackupCheck>(),
    access: ['admin'],
    kind: 'query',
  }),
  'backup.restore': defineMethod({
    input: () =>
      z.strictObject({
        source: restoreSource,
        jobId,
        /** Restore a backup signed with another workstation's audit key; this base's chain is then re-anchored to this key. */
        acceptOtherKey: z.boolean().optional(),
      }),
    output: returns<RestoreResult>(),
    access: ['admin'],
    kind: 'command',
    entity: 'backup',
    ownTransactions: true,
  }),
};
