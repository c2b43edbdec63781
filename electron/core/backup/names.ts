import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** 2026-11-16T09:30:05Z → 20261116-093005: a time that sorts, and is a valid file name everywhere. */
export const fileStamp = (date: Date): string => date.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

export const manifestPathOf = (backupPath: string): string => `${backupPath}.manifest.json`;

/** `ramed-<facility>-<stamp>.db`, with a number added if a backup already has that name. */
export function backupFileNameIn(folder: string, facilityCode: string | null, now: Date): string {
  const base = `ramed-${(facilityCode ?? 'base').replace(/[^A-Za-z0-9_-]/g, '_')}-${fileStamp(now)}`;
  let name = `${base}.db`;
  for (let n = 2; existsSync(join(folder, name)); n++) name = `${base}-${n}.db`;
  return name;
}
