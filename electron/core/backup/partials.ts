import { readdir, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isRunning } from '../db/holders';

/** The unfinished copy of `path` this process writes: named after it, so another process can tell when it was abandoned. */
export const partialPathOf = (path: string): string => `${path}.${hostname()}-${process.pid}.partial`;

const OURS = /^(.+\.db)\.(.+)-(\d+)\.partial$/;
const BEFORE_PIDS = /^.+\.db\.partial$/;

/**
 * Removes the unfinished copies left in `folder` by a backup that was killed (each the size of
 * the base): those of a process of this machine that no longer runs, and those of older versions,
 * which did not say whose they were. Answers the names removed.
 */
export async function removeAbandonedPartials(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const abandoned = names.filter((name) => {
    const ours = OURS.exec(name);
    if (ours) return ours[2] === hostname() && !isRunning(Number(ours[3]));
    return BEFORE_PIDS.test(name);
  });
  for (const name of abandoned) await rm(join(folder, name), { force: true });
  return abandoned;
}
