// Writes a generated registry file for benchmarks and manual trials (kept out of git under bench/data/):
//   npx tsx tests/bench/generate-registry.ts --persons 1000000 --out bench/data/registre-1m.csv.gz [--seed N] [--dirty 0.001]
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { writeRegistry } from '../support/registry-generator';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    out: { type: 'string', default: 'bench/data/registre.csv.gz' },
    seed: { type: 'string', default: '1' },
    dirty: { type: 'string', default: '0' },
  },
});
const out = values.out!;
mkdirSync(dirname(out), { recursive: true });
const started = Date.now();
const { rows, dirty } = await writeRegistry(out, {
  persons: Number(values.persons),
  seed: Number(values.seed),
  dirtyRate: Number(values.dirty),
  mixedFormats: true,
});
console.log(`${out} : ${rows} lignes (${dirty} incorrectes) en ${((Date.now() - started) / 1000).toFixed(1)} s`);
