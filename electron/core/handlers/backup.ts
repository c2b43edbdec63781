import { resolve } from 'node:path';
import type { backupApi, RestoreSource } from '../../../shared/api/backup';
import { refused } from '../errors';
import { createBackup } from '../backup/create';
import { manifestPathOf } from '../backup/names';
import { backupOverview } from '../backup/overview';
import { restoreBackup, type RestoreInput } from '../backup/restore';
import { backupInFolder, verifyBackup } from '../backup/verify';
import type { HandlerContext } from '../context';
import type { Handlers } from './types';

async function locate(source: RestoreSource, ctx: HandlerContext): Promise<Pick<RestoreInput, 'path' | 'manifestPath' | 'name'>> {
  if (source.kind === 'folder') {
    const path = await backupInFolder(ctx, source);
    return { path, manifestPath: manifestPathOf(path), name: source.name };
  }
  const file = ctx.deps.files.resolve(source.file);
  const manifestPath = source.manifest ? ctx.deps.files.resolve(source.manifest).path : manifestPathOf(file.path);
  return { path: file.path, manifestPath, name: file.name };
}

export const backupHandlers: Handlers<typeof backupApi> = {
  'backup.overview': async (_input, ctx) => backupOverview(ctx),
  'backup.create': async (input, ctx) => {
    // A path on this machine is the command line's to name; a window (perhaps a browser tab) uses the backup folder.
    if (input.out !== undefined && ctx.actor?.userId !== null) {
      throw refused(
        'Le fichier de sauvegarde ne se choisit qu’en ligne de commande (ramed backup --out) : utilisez le dossier des sauvegardes.',
      );
    }
    const result = await createBackup(ctx, {
      ...(input.out !== undefined ? { out: resolve(input.out) } : {}),
      progress: ctx.progress,
      signal: ctx.signal,
    });
    ctx.audit.entityId = result.manifest.file;
    ctx.audit.detail = { path: result.path, sha256: result.manifest.sha256, size: result.manifest.size, pruned: result.pruned };
    return result;
  },
  'backup.verify': async (input, ctx) => verifyBackup(ctx, input),
  'backup.restore': async (input, ctx) => {
    const source = await locate(input.source, ctx);
    const result = await restoreBackup(ctx, {
      ...source,
      acceptOtherKey: input.acceptOtherKey,
      progress: ctx.progress,
      signal: ctx.signal,
    });
    // Recorded in the restored database's audit: who brought it back, from what, and where the replaced one lies.
    ctx.audit.entityId = result.restored.file;
    ctx.audit.detail = {
      sha256: result.restored.sha256,
      createdAt: result.restored.createdAt,
      backupSchema: result.restored.schemaVersion,
      schemaVersion: result.schemaVersion,
      asidePath: result.asidePath,
    };
    // Every session ended with the old database; this window goes back to the login screen.
    ctx.slot.session = null;
    ctx.slot.emit({ type: 'session.ended', reason: 'restored' });
    return result;
  },
};
