// Electron's security checks by @doyensec/electronegativity over the app's own source (electron/,
// shared/, renderer/): fails on any HIGH or MEDIUM finding, on a file it cannot parse, and on an
// `eng-disable` comment with no reason written on the line above it. Called by `npm test`.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');
const ROOT = join(import.meta.dirname, '..');
const SOURCES = ['electron', 'shared', 'renderer'];
// Needs the network and its answer changes with every Electron release: checked by hand before a
// release (`npx electronegativity -i . -l AvailableSecurityFixesGlobalCheck`), not in the test gate.
const EXCLUDED = ['availablesecurityfixesglobalcheck'];

// A copy of the source alone, so that built bundles (out/) and tests are not scanned.
const scan = join(ROOT, '.tmp/electronegativity');
rmSync(scan, { recursive: true, force: true });
mkdirSync(scan, { recursive: true });
for (const dir of SOURCES) cpSync(join(ROOT, dir), join(scan, dir), { recursive: true });
cpSync(join(ROOT, 'package.json'), join(scan, 'package.json'));
const electronVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version;

// The library fetches its translations over the network with `got`, whose cancellation can throw
// once the request has settled (p-cancelable): that error says nothing about the scan.
process.on('uncaughtException', (error) => {
  if (/handler was attached after the promise settled/.test(error?.message ?? '')) return;
  console.error(error);
  process.exit(1);
});

const log = console.log;
console.log = () => {}; // the library's own chatter (translations fetched over the network)
let result;
try {
  result = await run({
    input: scan,
    excludeFromScan: EXCLUDED,
    electronVersionOverride: electronVersion,
    isRelative: true,
    parserPlugins: [],
  });
} finally {
  console.log = log;
}

const severe = (issue) => issue.severity.name === 'HIGH' || issue.severity.name === 'MEDIUM';
const lines = result.issues.map(
  (i) => `  ${i.severity.name.padEnd(13)} ${i.confidence.name.padEnd(9)} ${i.id.padEnd(32)} ${i.file}:${i.location.line}  ${i.description}`,
);
console.log(
  `electronegativity ${electronVersion} : ${result.atomicChecks + result.globalChecks} vérifications, ${result.issues.length} constat(s)`,
);
if (lines.length > 0) console.log(lines.join('\n'));
writeFileSync(
  join(ROOT, '.tmp/electronegativity.json'),
  JSON.stringify(
    result.issues.map((i) => ({ id: i.id, severity: i.severity.name, confidence: i.confidence.name, file: i.file, line: i.location.line })),
    null,
    2,
  ),
);

const failures = [];
for (const issue of result.issues.filter(severe))
  failures.push(`${issue.id} (${issue.severity.name}) ${issue.file}:${issue.location.line}`);
for (const error of result.errors.filter((e) => !e.tolerable))
  failures.push(`illisible : ${relative(scan, error.file)} : ${error.message}`);
for (const dir of SOURCES) {
  const files = readdirSync(join(ROOT, dir), { recursive: true }).filter((f) => /\.(ts|tsx|html)$/.test(f));
  for (const file of files) {
    const text = readFileSync(join(ROOT, dir, file), 'utf8').split('\n');
    text.forEach((line, i) => {
      if (line.includes('eng-disable') && !/^\s*(\/\/|\/?\*|<!--)/.test(text[i - 1] ?? '')) {
        failures.push(`${dir}/${file}:${i + 1} : « eng-disable » sans raison écrite sur la ligne au-dessus`);
      }
    });
  }
}
rmSync(scan, { recursive: true, force: true });

if (failures.length > 0) {
  console.error(`\nÉchec : ${failures.length} problème(s) de sécurité Electron :\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('Aucun constat de gravité haute ou moyenne.');
process.exit(0);
