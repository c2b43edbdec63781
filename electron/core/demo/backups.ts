import { dirname, join } from 'node:path';
import { createBackup } from '../backup/create';
import { setSetting } from '../settings/settings';
import type { DemoPart } from './part';
import { actingAs } from '../service-context';

/** A backup folder beside the demo database, and a first verified backup in it (SQLite only). */
export const demoBackups: DemoPart = {
  label: 'Première sauvegarde',
  async run(ctx) {
    const { handle, clock } = ctx.deps;
    if (!handle.file) return;
    await setSetting(handle.db, clock, 'backup.folder', join(dirname(handle.file), 'sauvegardes-demo'), 'démonstration');
    await createBackup(actingAs(ctx.deps, 'démonstration'), {});
  },
};
