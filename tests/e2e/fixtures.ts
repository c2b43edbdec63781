import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { systemClock } from '../../electron/core/clock';
import '../support/audit-key-env';

export interface DemoAccount {
  login: string;
  password: string;
  roles: string[];
}

export interface Host {
  url: string;
  db: string;
  /** The demo's reference month (YYYY-MM): the month of the suite's clock (RAMED_TODAY, or today). */
  month: string;
  accounts: DemoAccount[];
  /** Runs a `ramed` CLI command against the host's database. */
  cli(...args: string[]): Promise<{ code: number; stdout: string }>;
}

const ROOT = join(import.meta.dirname, '../..');

/**
 * The suite's day: the app's own clock, which RAMED_TODAY moves (the hosts and CLI runs inherit it).
 * Tests derive every date and month they expect from it, never from the machine's calendar.
 */
export const today = (): string => systemClock.now().toISOString().slice(0, 10);

export { monthBefore } from '../../shared/lib/months';

/** « Réclamation de mars 2027 — version 1 » (or « d’avril … »), as the claim screen titles it. */
export function claimTitle(monthName: string, version: number): RegExp {
  return new RegExp(`Réclamation d(e |’|')${monthName} — version ${version}`);
}

/**
 * Where a test saves what a person would see. Screenshots for the docs are refreshed on purpose, by
 * `npm run screenshots` (RAMED_SCREENSHOTS=1); an ordinary run keeps them out of the tracked tree.
 */
export function screenshotPath(name: string): string {
  const dir = process.env.RAMED_SCREENSHOTS === '1' ? join(ROOT, 'docs/screenshots') : join(ROOT, 'test-results/screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function run(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout }));
  });
}

async function startHost(db: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(TSX, ['electron/webhost/serve.ts', '--db', db, '--port', '0', '--static', join(ROOT, 'out/renderer')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const match = /RAMED_URL=(\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`hôte arrêté (code ${code})`)));
  });
  return { url, child };
}

/** `host`: a fresh empty database behind the browser host. `demoHost`: the same, filled by `ramed demo`. */
export const test = base.extend<{ host: Host; demoHost: Host }>({
  host: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'ramed-e2e-'));
    const db = join(dir, 'e2e.db');
    const { url, child } = await startHost(db);
    await use({ url, db, month: today().slice(0, 7), accounts: [], cli: (...args) => run(['electron/cli/index.ts', ...args, '--db', db]) });
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  },
  demoHost: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'ramed-e2e-'));
    const db = join(dir, 'e2e.db');
    const month = today().slice(0, 7);
    const demo = await run(['electron/cli/index.ts', 'demo', '--month', month, '--db', db, '--json']);
    if (demo.code !== 0) throw new Error(`ramed demo a échoué (${demo.code})`);
    const { accounts } = JSON.parse(demo.stdout) as { accounts: DemoAccount[] };
    const { url, child } = await startHost(db);
    await use({ url, db, month, accounts, cli: (...args) => run(['electron/cli/index.ts', ...args, '--db', db]) });
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };

/** Signs in through the login screen as the demo account of `role`. */
export async function loginAs(page: Page, host: Host, role: string): Promise<void> {
  const account = host.accounts.find((a) => a.roles.includes(role));
  if (!account) throw new Error(`pas de compte de démonstration pour ${role}`);
  await page.goto(host.url);
  await page.getByLabel('Identifiant').fill(account.login);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
}
