import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

export interface Finished {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a program to its end, `input` on its standard input; answers its output and wall time. */
export function runProcess(command: string, args: readonly string[], input = '', env: Record<string, string> = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr, ms: performance.now() - started }));
    // A program that stops early closes its input: its exit code and stderr tell why.
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

/** Runs a TypeScript file of the project in a fresh Node process (the one running the bench), with Node flags and environment added. */
export const runTs = (file: string, args: readonly string[], added: { env: Record<string, string>; nodeFlags: string[] } = { env: {}, nodeFlags: [] }) =>
  runProcess(process.execPath, [...added.nodeFlags, '--import', 'tsx', file, ...args], '', added.env);

export function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/** Debian's sqlite3 shell, the import's baseline; installed by apt-get when missing (issue 13). */
export function ensureSqliteShell(log: (text: string) => void): void {
  if (spawnSync('sqlite3', ['--version']).status === 0) return;
  log('shell sqlite3 absent : installation du paquet Debian sqlite3 (apt-get)');
  const apt = (...args: string[]) =>
    process.getuid?.() === 0
      ? spawnSync('apt-get', args, { stdio: 'inherit' })
      : spawnSync('sudo', ['apt-get', ...args], { stdio: 'inherit' });
  if (apt('install', '-y', 'sqlite3').status !== 0) {
    apt('update');
    apt('install', '-y', 'sqlite3');
  }
  if (spawnSync('sqlite3', ['--version']).status !== 0) throw new Error('Installez le shell sqlite3 (apt-get install sqlite3) puis relancez.');
}
