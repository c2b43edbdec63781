import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium against the browser host (no Electron binary here).
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  fullyParallel: true,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    viewport: { width: 1366, height: 768 },
    locale: 'fr-FR',
    timezoneId: 'Africa/Bamako',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
  },
});
