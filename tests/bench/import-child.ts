// Run by the bench in a process of its own, so that its peak memory is the import's alone, with
// the Node flags and environment of bin/cli-process.json as the `ramed` command has them:
//   MALLOC_ARENA_MAX=2 node --max-semi-space-size=8 --import tsx tests/bench/import-child.ts REGISTRY.csv.gz DATABASE
// Imports the file as `ramed import-registry --mode full` does and prints one JSON line of figures.
import { runCli } from '../../electron/cli/run';

const [file, db] = process.argv.slice(2);
if (!file || !db) throw new Error('usage : import-child.ts FICHIER BASE');

let output = '';
const started = performance.now();
const code = await runCli(['import-registry', file, '--mode', 'full', '--db', db, '--json'], {
  stdout: (text) => (output += text),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
});
const ms = performance.now() - started;
if (code !== 0) throw new Error(`import-registry a échoué (code ${code}) : ${output.slice(0, 2000)}`);
const result = JSON.parse(output) as { inserted: number; rejected: unknown[] };
const usage = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({
    ms,
    inserted: result.inserted,
    rejected: result.rejected.length,
    maxRssMb: usage.maxRSS / 1024,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
  })}\n`,
);
