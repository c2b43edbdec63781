/** After a failed automatic backup (USB key absent), the next attempt waits this long. */
export const BACKUP_RETRY_MINUTES = 60;

const HOUR = 3_600_000;

/**
 * When the next automatic backup is due: `intervalHours` after the last success, but not before
 * BACKUP_RETRY_MINUTES after a failure; at once when there was none. Null when automatic backups
 * are off (interval 0 or no folder).
 */
export function nextBackupDue(input: {
  now: string;
  intervalHours: number;
  folderSet: boolean;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
}): string | null {
  if (input.intervalHours <= 0 || !input.folderSet) return null;
  const times = [input.lastSuccessAt ? Date.parse(input.lastSuccessAt) + input.intervalHours * HOUR : Date.parse(input.now)];
  if (input.lastFailureAt && (!input.lastSuccessAt || input.lastFailureAt > input.lastSuccessAt)) {
    times.push(Date.parse(input.lastFailureAt) + Math.min(input.intervalHours * 60, BACKUP_RETRY_MINUTES) * 60_000);
  }
  return new Date(Math.max(...times)).toISOString();
}
