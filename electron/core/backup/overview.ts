import { dirname, join } from 'node:path';
import type { BackupOverview } from '../../../shared/domain/backup';
import { nextBackupDue } from '../../../shared/rules/backup-schedule';
import type { ServiceContext } from '../context';
import { getFacility } from '../facility/facility';
import { getSetting } from '../settings/settings';
import { folderState, listBackups } from './catalog';
import { lastOutcomes, latestRuns } from './runs';
import { POSTGRES_BACKUP_MESSAGE } from './sqlite-only';

/** The folder offered to a new facility: beside the database, in the app's data folder. */
export const DEFAULT_BACKUP_FOLDER = 'sauvegardes';

/** Everything the Sauvegardes screen and the scheduler need to know, in one answer. */
export async function backupOverview({ deps }: ServiceContext): Promise<BackupOverview> {
  const db = deps.handle.db;
  const [folder, intervalHours, keep] = await Promise.all([
    getSetting(db, 'backup.folder'),
    getSetting(db, 'backup.intervalHours'),
    getSetting(db, 'backup.keep'),
  ]);
  const [runs, outcomes, facility] = await Promise.all([latestRuns(db, 10), lastOutcomes(db), getFacility(db)]);
  const available = deps.handle.file !== null;
  return {
    available,
    unavailableReason: available ? null : POSTGRES_BACKUP_MESSAGE,
    folder,
    folderState: folderState(folder),
    defaultFolder: deps.handle.file ? join(dirname(deps.handle.file), DEFAULT_BACKUP_FOLDER) : null,
    intervalHours,
    keep,
    lastSuccessAt: outcomes.lastSuccessAt,
    nextDueAt: available
      ? nextBackupDue({ now: deps.clock.now().toISOString(), intervalHours, folderSet: folder !== '', ...outcomes })
      : null,
    backups: available ? await listBackups(folder, facility?.code ?? null) : [],
    runs,
  };
}
