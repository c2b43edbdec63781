import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { _electron as electron } from '@playwright/test';
import { test, expect } from './fixtures';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const pathFile = join(electronDir, 'path.txt');
const binary = existsSync(pathFile) ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
const ROOT = join(import.meta.dirname, '../..');

test.describe('the real Electron window', () => {
  test.skip(
    !binary || !existsSync(binary),
    "pas de binaire Electron sur cette machine (téléchargement impossible) : l'application est testée par l'hôte navigateur",
  );

  test('opens hardened, on the first-run screen', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: [join(ROOT, 'out/main/index.js'), '--no-sandbox'],
      env: { ...process.env, RAMED_DB: join(mkdtempSync(join(tmpdir(), 'ramed-electron-')), 'e.db') },
    });
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: /première mise en service/ })).toBeVisible();
    // No Node in the page: only the contract's client crosses the bridge.
    const globals = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      ramed: typeof (globalThis as { ramed?: unknown }).ramed,
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', ramed: 'object' });
    expect(window.url()).toMatch(/^ramed:\/\/app\//);
    await app.close();
  });
});
