import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import sqlite3 from 'sqlite3';

export interface Machine {
  cores: number;
  cpu: string;
  ramGb: number;
  os: string;
  node: string;
  sqliteDriver: string;
  sqliteShell: string | null;
  chromium: string | null;
  /** 1-minute load average when the run started: the cores are shared, a loaded machine runs slower. */
  loadAtStart: number;
}

const output = (cmd: string, args: string[]): string | null => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
};

async function driverVersion(): Promise<string> {
  const db = new sqlite3.Database(':memory:');
  const version = await new Promise<string>((resolve, reject) =>
    db.get('select sqlite_version() as v', (err, row: { v: string }) => (err ? reject(err) : resolve(row.v))),
  );
  await new Promise<void>((resolve) => db.close(() => resolve()));
  return version;
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function describeMachine(): Promise<Machine> {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'inconnu',
    ramGb: Math.round(totalmem() / 1024 ** 3),
    os: `${osType()} ${release()}`,
    node: process.version,
    sqliteDriver: `node-sqlite3 ${(await import('sqlite3/package.json', { with: { type: 'json' } })).default.version} (SQLite ${await driverVersion()})`,
    sqliteShell: output('sqlite3', ['--version'])?.split(' ')[0] ?? null,
    chromium: output(CHROMIUM, ['--version']),
    loadAtStart: loadavg()[0]!,
  };
}

export function gitCommit(): string | null {
  const head = output('git', ['rev-parse', '--short', 'HEAD']);
  if (!head) return null;
  const dirty = output('git', ['status', '--porcelain', '--untracked-files=no']);
  return dirty ? `${head} (modifié)` : head;
}
