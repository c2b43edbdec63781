// What a newcomer does first, as a step of `npm test`: `npm run dev:web` on this checkout (it builds the
// interface, as the end-to-end tests then need), the address it prints opened in Chromium, the setup
// screen expected. A run command that serves an error page fails the suite.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BUILD_AND_START_MS = 6 * 60_000;
const dir = mkdtempSync(join(tmpdir(), 'ramed-newcomer-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const host = spawn(npm, ['run', 'dev:web', '--', '--db', join(dir, 'ramed.db'), '--port', '0'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  detached: true,
});

function stopHost() {
  try {
    process.kill(-host.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

async function hostUrl() {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('« npm run dev:web » n’a pas donné d’adresse à temps')), BUILD_AND_START_MS);
    host.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      out += chunk;
      const match = /RAMED_URL=(\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    host.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`« npm run dev:web » s’est arrêté (code ${code}) avant de servir l’application`));
    });
  });
}

let failure = null;
try {
  const url = await hostUrl();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
    const response = await page.goto(url);
    if (!response || response.status() !== 200) throw new Error(`la page répond ${response?.status() ?? 'rien'}`);
    await page.getByRole('heading', { name: 'RAMED Guichet — première mise en service' }).waitFor({ timeout: 30_000 });
    mkdirSync('.tmp', { recursive: true });
    await page.screenshot({ path: '.tmp/newcomer-setup.png' });
    console.log('\nPremier lancement : l’écran de mise en service s’affiche (.tmp/newcomer-setup.png).');
  } finally {
    await browser.close();
  }
} catch (error) {
  failure = error;
} finally {
  stopHost();
  rmSync(dir, { recursive: true, force: true });
}
if (failure) {
  console.error(`\nPremier lancement en échec : ${failure.message}`);
  process.exit(1);
}
