// The desk's name search as the agent lives it: from the last key typed in Chromium to the results
// drawn, split into the wait before the call (debounce), the call (HTTP and the core's work) and
// the drawing. Not a test: a measurement, run by hand on a large generated registry.
//   npx tsx tests/bench/name-search-ui.ts [--persons 300000] [--searches 40] [--key-delay 120] [--build]
// Needs `electron-vite build` (out/renderer) or --build; the registry and its base stay in bench/data/.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { openCore } from '../../electron/core/app';
import { createUser } from '../../electron/core/auth/users';
import { actingAs } from '../../electron/core/service-context';
import type { DemoContext } from '../../electron/core/demo/demo';
import { demoFacilityAndUsers } from '../../electron/core/demo/facility-users';
import { silentLogger } from '../../electron/core/logger';
import { writeRegistry } from '../support/registry-generator';
import { BareSqlite } from './bare-sqlite';
import { CHROMIUM } from './machine';
import { removeDatabase, runProcess } from './processes';
import { seededRandom } from '../../shared/lib/seeded-random';
import { latencies } from './stats';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '300000' },
    searches: { type: 'string', default: '40' },
    'key-delay': { type: 'string', default: '120' },
    build: { type: 'boolean', default: false },
  },
});
const persons = Number(values.persons);
const searches = Number(values.searches);
const keyDelay = Number(values['key-delay']);
const dir = 'bench/data';
const file = `${dir}/registre-${persons}.csv.gz`;
const db = `${dir}/name-search-${persons}.db`;
const LOGIN = 'mesure-accueil';
const PASSWORD = 'mesure-accueil-2026';

/** Timings the page keeps for itself (performance.now() of the page): keys, the search calls, DOM changes. */
const PAGE_PROBE = () => {
  const probe = { keys: [] as number[], calls: [] as Array<{ text: string; sent: number; answered: number }>, changes: [] as number[] };
  (window as unknown as { probe: typeof probe }).probe = probe;
  document.addEventListener('keydown', () => probe.keys.push(performance.now()), true);
  const original = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { method?: string; input?: { text?: string } }) : null;
    const sent = performance.now();
    const response = await original(input, init);
    if (body?.method === 'registry.search') probe.calls.push({ text: body.input?.text ?? '', sent, answered: performance.now() });
    return response;
  };
  new MutationObserver(() => probe.changes.push(performance.now())).observe(document, { subtree: true, childList: true, characterData: true });
};

function startHost(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/webhost/serve.ts', '--db', db, '--port', '0', '--static', 'out/renderer'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const match = /RAMED_URL=(\S+)/.exec(out);
      if (match) resolve({ url: match[1]!, child });
    });
    child.on('exit', (code) => reject(new Error(`hôte arrêté (code ${code})`)));
  });
}

async function prepare(): Promise<void> {
  mkdirSync(dir, { recursive: true });
  if (!existsSync(file)) {
    console.log(`registre de ${persons} personnes → ${file}…`);
    await writeRegistry(file, { persons, seed: 1, dirtyRate: 0, mixedFormats: true });
  }
  if (existsSync(db)) return;
  const core = await openCore({ db, log: silentLogger });
  const demo: DemoContext = { deps: core.deps, options: { month: core.deps.clock.now().toISOString().slice(0, 7), episodes: 0 }, accounts: [], note: () => {} };
  await demoFacilityAndUsers.run(demo);
  await createUser(actingAs(core.deps, 'admin'), { login: LOGIN, fullName: 'Mesure (accueil)', roles: ['accueil'], password: PASSWORD, mustChangePassword: false });
  await core.close();
  console.log(`import de ${file} dans ${db}…`);
  const run = await runProcess(process.execPath, ['bin/ramed.mjs', 'import-registry', file, '--mode', 'full', '--db', db]);
  if (run.code !== 0) {
    removeDatabase(db);
    throw new Error(`import impossible : ${run.stderr.slice(0, 2000)}`);
  }
}

/** Names as agents type them: the family name and the first given name, some in the other order. */
async function sampleNames(count: number): Promise<string[]> {
  const bare = await BareSqlite.open(db);
  const total = (await bare.get<{ n: number }>('select count(*) as n from person', []))!.n;
  const random = seededRandom(7);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = await bare.get<{ family_name: string; given_names: string }>('select family_name, given_names from person where id = ?', [
      1 + Math.floor(random() * total),
    ]);
    if (!row) continue;
    const given = row.given_names.split(' ')[0]!;
    names.push((i % 3 === 2 ? `${given} ${row.family_name}` : `${row.family_name} ${given}`).toLowerCase());
  }
  await bare.close();
  return names;
}

async function main(): Promise<void> {
  if (values.build) {
    const build = spawnSync(process.execPath, ['node_modules/.bin/electron-vite', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('electron-vite build a échoué');
  }
  await prepare();
  const names = await sampleNames(searches);
  const host = await startHost();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
    await page.addInitScript(PAGE_PROBE);
    await page.goto(host.url);
    await page.getByLabel('Identifiant').fill(LOGIN);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const field = page.getByLabel('Récépissé (tapé ou scanné, puis Entrée) ou nom');
    await field.waitFor();

    let calls = 0;
    const rows: Array<{ wait: number; call: number; draw: number; lastKey: number; firstKey: number }> = [];
    for (const [i, name] of names.entries()) {
      await page.keyboard.press('Escape');
      await page.evaluate(() => {
        const p = (window as unknown as { probe: { keys: number[]; calls: unknown[]; changes: number[] } }).probe;
        p.keys.length = 0;
        p.calls.length = 0;
        p.changes.length = 0;
      });
      await field.focus();
      await page.keyboard.type(name, { delay: keyDelay });
      await page.waitForFunction((text) => {
        const p = (window as unknown as { probe: { calls: Array<{ text: string }> } }).probe;
        return p.calls.some((c) => c.text === text);
      }, name);
      await page.waitForTimeout(300);
      const t = await page.evaluate((text) => {
        const p = (window as unknown as { probe: { keys: number[]; calls: Array<{ text: string; sent: number; answered: number }>; changes: number[] } }).probe;
        const call = p.calls.find((c) => c.text === text)!;
        const lastKey = p.keys[p.keys.length - 1]!;
        // The final list is the last change to the page after the last key; none: it was already there.
        const drawn = [...p.changes].reverse().find((at) => at >= lastKey) ?? lastKey;
        return { firstKey: p.keys[0]!, lastKey, sent: call.sent, answered: call.answered, drawn, calls: p.calls.length };
      }, name);
      if (i < 3) continue; // the first searches warm the page and the host
      calls += t.calls;
      rows.push({
        wait: t.sent - t.lastKey,
        call: t.answered - t.sent,
        draw: Math.max(0, t.drawn - t.answered),
        lastKey: t.drawn - t.lastKey,
        firstKey: t.drawn - t.firstKey,
      });
    }
    const show = (label: string, pick: (r: (typeof rows)[number]) => number) => {
      const l = latencies(rows.map(pick));
      console.log(`${label.padEnd(44)} p50 ${l.p50.toFixed(0).padStart(4)} ms   p95 ${l.p95.toFixed(0).padStart(4)} ms   max ${l.max.toFixed(0).padStart(4)} ms`);
    };
    console.log(`\n${rows.length} recherches (${calls} appels), ${persons} personnes, une touche toutes les ${keyDelay} ms, Chromium 1366×768 :`);
    show('dernière touche → appel parti (attente)', (r) => r.wait);
    show('appel → réponse (HTTP + cœur)', (r) => r.call);
    show('réponse → liste finale dans la page', (r) => r.draw);
    show('dernière touche → liste finale affichée', (r) => r.lastKey);
    show('première touche → liste finale affichée', (r) => r.firstKey);
  } finally {
    await browser.close();
    host.child.kill();
  }
}

await main();
