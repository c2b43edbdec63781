import { dirname, join } from 'node:path';
import { createBackup } from '../backup/create';
import { setSetting } from '../settings/settings';
import type { DemoPart } from './part';
import { actingAs } from '../service-context';

/** A backup folder beside the demo database, and a first verified backup in it (SQLite only). */
export const demoBackups: DemoPart = {
  label: 'Première sauvegarde',
  async run(ctx) {
    const { file } = ctx.deps.handle;
    if (!file) return;
    const demo = actingAs(ctx.deps, 'démonstration');
    await setSetting(demo, { key: 'backup.folder', value: join(dirname(file), 'sauvegardes-demo') });
    await createBackup(demo, {});
  },
};
