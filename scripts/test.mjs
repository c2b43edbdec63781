// `npm test`: typecheck, lint, format, Electron security checks, unit + integration (SQLite and PostgreSQL),
// the first run (`npm run dev:web` in Chromium), end-to-end. Ends with one line "N passed, N failed, N skipped"
// summing vitest and Playwright.
// `npm run test:dated -- AAAA-MM-JJ`: the same tests (not the static checks) with the app's clock moved to
// that day (RAMED_TODAY), to prove no test depends on the day it runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
mkdirSync('.tmp', { recursive: true });

function step(label, cmd, args, env = {}) {
  process.stdout.write(`\n=== ${label}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const skipE2e = process.env.RAMED_SKIP_E2E === '1';
if (!skipE2e && !existsSync(chromium)) {
  console.error(`Chromium est introuvable (${chromium}) : installez-le (apt-get install chromium) ou indiquez CHROMIUM_PATH.`);
  process.exit(1);
}

const datedIndex = process.argv.indexOf('--dated');
const dated = datedIndex === -1 ? null : process.argv[datedIndex + 1];
if (datedIndex !== -1) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dated ?? '')) {
    console.error('Usage : npm run test:dated -- AAAA-MM-JJ (par exemple 2028-02-29)');
    process.exit(2);
  }
  process.env.RAMED_TODAY = dated;
  console.log(`Horloge de l’application déplacée au ${dated} (RAMED_TODAY).`);
}

let ok = true;
if (!dated) {
  ok = step('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']) && ok;
  ok = step('lint', bin('eslint'), ['.', '--max-warnings', '0']) && ok;
  ok = step('format', bin('prettier'), ['--check', '.', '--log-level', 'warn']) && ok;
  ok = step('electron security (electronegativity)', process.execPath, ['scripts/electronegativity.mjs']) && ok;
}
ok =
  step('unit + integration', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile.json=.tmp/vitest.json']) && ok;
if (!skipE2e) {
  // The README's run command builds the interface the end-to-end tests drive: a broken one fails here.
  ok = step('first run (npm run dev:web, setup screen in Chromium)', process.execPath, ['scripts/newcomer-check.mjs']) && ok;
  ok =
    step('end-to-end', bin('playwright'), ['test', '--reporter=line,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: '.tmp/playwright.json' }) && ok;
}

const counts = { passed: 0, failed: 0, skipped: 0 };
if (existsSync('.tmp/vitest.json')) {
  const v = JSON.parse(readFileSync('.tmp/vitest.json', 'utf8'));
  counts.passed += v.numPassedTests;
  counts.failed += v.numFailedTests;
  counts.skipped += v.numPendingTests + v.numTodoTests;
}
if (!skipE2e && existsSync('.tmp/playwright.json')) {
  const s = JSON.parse(readFileSync('.tmp/playwright.json', 'utf8')).stats;
  counts.passed += s.expected + s.flaky;
  counts.failed += s.unexpected;
  counts.skipped += s.skipped;
}
if (!ok && counts.failed === 0) counts.failed = 1; // a failed typecheck, lint or build counts too
console.log(`\n${dated ? `${dated}: ` : ''}${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(ok ? 0 : 1);
