import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Which programs have a SQLite file open, so that a refusal can name them. SQLite's own locks
 * decide (a restore takes an exclusive lock); this registry only says who holds it: one small
 * file per process in `<base>.holders/`, removed when the process closes the base.
 */
export interface Holder {
  pid: number;
  host: string;
  program: string;
  since: string;
}

const holderSchema = z.object({ pid: z.number().int(), host: z.string(), program: z.string(), since: z.string() });

export const holdersDirOf = (file: string): string => `${file}.holders`;

/** Registers this process as holding `file`; answers how to unregister. Never fails the open. */
export function registerHolder(file: string, program: string, since: Date): () => void {
  const dir = holdersDirOf(file);
  const path = join(dir, `${hostname()}-${process.pid}.json`);
  try {
    mkdirSync(dir, { recursive: true });
    const holder: Holder = { pid: process.pid, host: hostname(), program, since: since.toISOString() };
    writeFileSync(path, JSON.stringify(holder));
  } catch {
    return () => {};
  }
  return () => rmSync(path, { force: true });
}

/** The other processes registered on `file`; those of this machine that no longer run are forgotten. */
export function otherHolders(file: string): Holder[] {
  const dir = holdersDirOf(file);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  const holders: Holder[] = [];
  for (const name of names) {
    let parsed;
    try {
      parsed = holderSchema.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    } catch {
      continue;
    }
    if (!parsed.success) continue;
    const holder = parsed.data;
    if (holder.host === hostname() && holder.pid === process.pid) continue;
    if (holder.host === hostname() && !isRunning(holder.pid)) {
      rmSync(join(dir, name), { force: true });
      continue;
    }
    holders.push(holder);
  }
  return holders;
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
