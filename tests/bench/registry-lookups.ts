// Latency of the desk's lookups on a filled database (for example after importing a generated registry):
//   npx tsx tests/bench/registry-lookups.ts --db bench/data/r1m.db [--runs 200]
import { parseArgs } from 'node:util';
import { openCore } from '../../electron/core/app';
import { silentLogger } from '../../electron/core/logger';
import { slotAs } from '../support/db';

const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string', default: '200' } } });
if (!values.db) throw new Error('--db attendu');
const runs = Number(values.runs);
const core = await openCore({ db: values.db, log: silentLogger });
const slot = slotAs(['accueil']);
const { db } = core.deps.handle;

const count = Number((await db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const sample = async () =>
  (await db.selectFrom('person').select(['recepisse', 'family_name', 'given_names']).offset(Math.floor(Math.random() * count)).limit(1).executeTakeFirstOrThrow());

async function measure(label: string, call: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = (await call()) as { ok: boolean };
    times.push(performance.now() - started);
    if (!result.ok) throw new Error(`${label} : ${JSON.stringify(result)}`);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  console.log(`${label.padEnd(44)} médiane ${at(0.5)} ms   p95 ${at(0.95)} ms   max ${at(1)} ms`);
}

const people = await Promise.all(Array.from({ length: runs }, sample));
let i = 0;
console.log(`${count} personnes, ${runs} appels par mesure`);
await measure('registry.check (récépissé au hasard)', () => core.dispatch(slot, 'registry.check', { recepisse: people[i++ % runs]!.recepisse }));
i = 0;
await measure('registry.search (nom + prénom complets)', () => {
  const p = people[i++ % runs]!;
  return core.dispatch(slot, 'registry.search', { text: `${p.family_name} ${p.given_names}`, limit: 20 });
});
i = 0;
await measure('registry.search (débuts : 4 + 3 lettres)', () => {
  const p = people[i++ % runs]!;
  return core.dispatch(slot, 'registry.search', { text: `${p.given_names.slice(0, 3)} ${p.family_name.slice(0, 4)}`, limit: 20 });
});
i = 0;
await measure('registry.search (un seul nom de famille)', () => core.dispatch(slot, 'registry.search', { text: people[i++ % runs]!.family_name, limit: 20 }));
i = 0;
await measure('registry.household', () => core.dispatch(slot, 'registry.household', { recepisse: people[i++ % runs]!.recepisse }));
await core.close();
