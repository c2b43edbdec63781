// `npm run bench` (or `ramed bench`): the figures of issue 13, each beside its baseline measured in
// the same run on the same data. Prints a table, writes the results as JSON.
//   npm run bench                       full sizes (3.5 M persons), targets checked: about 12 minutes on 2 quiet cores
//   npm run bench -- --quick            small sizes, no targets: under a minute or two
//   npm run bench -- --size 500000 --only import,lookups
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname } from 'node:path';
import { parseBenchArgs, USAGE, type BenchOptions } from './options';
import { evaluate, markdownTable, textTable, type Measure } from './report';

const started = performance.now();
const log = (text: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${text}\n`);

let options: BenchOptions;
try {
  options = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\nUsage : npm run bench -- ${USAGE}\n`);
  process.exit(2);
}
const { sizes, parts, seed } = options;
/** Runs the parts asked for; answers 1 when a checked target is missed. */
async function main(): Promise<0 | 1> {
  // Loaded once the options are read: a refused option answers at once.
  const { describeMachine, gitCommit } = await import('./machine');
  const { DATA_DIR, registryFile } = await import('./registry-data');
  mkdirSync(DATA_DIR, { recursive: true });
  const machine = await describeMachine();
  log(`${options.quick ? 'banc rapide (--quick)' : 'banc complet'} : ${JSON.stringify(sizes)} ; ${machine.cores} cœurs, charge ${machine.loadAtStart.toFixed(2)}`);

  const measures: Measure[] = [];
  if ((['import', 'lookups', 'during-import', 'backup'] as const).some((part) => parts.includes(part))) {
    let database = `${DATA_DIR}/import-${sizes.persons}.db`;
    const file = parts.includes('import') || parts.includes('during-import') ? await registryFile(sizes.persons, seed, log) : '';
    if (parts.includes('import')) {
      const { benchImport } = await import('./import');
      const outcome = await benchImport(file, sizes.persons, DATA_DIR, log);
      measures.push(...outcome.measures);
      database = outcome.database;
    } else if (!existsSync(database)) {
      throw new Error(`${database} n’existe pas : lancez d’abord le banc avec l’import (--only import) à la même taille.`);
    }
    if (parts.includes('lookups')) {
      const { benchLookups } = await import('./lookups');
      measures.push(...(await benchLookups(database, sizes, seed, log)));
    }
    if (parts.includes('during-import')) {
      const { benchChecksDuringImport } = await import('./checks-during-import');
      measures.push(...(await benchChecksDuringImport(file, { imported: database, dataDir: DATA_DIR, sizes, seed, log })));
    }
    if (parts.includes('backup')) {
      const { benchChecksDuringBackup } = await import('./checks-during-backup');
      measures.push(...(await benchChecksDuringBackup({ imported: database, dataDir: DATA_DIR, sizes, seed, log })));
    }
  }
  if (parts.includes('claims')) {
    const { benchClaims } = await import('./claims');
    measures.push(...(await benchClaims(DATA_DIR, sizes, seed, log)));
  }
  if (parts.includes('screen')) {
    const { benchFirstScreen } = await import('./first-screen');
    measures.push(...(await benchFirstScreen(DATA_DIR, sizes.firstScreenRuns, log)));
  }

  const evaluated = evaluate(measures, options.checkTargets);
  const results = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    mode: options.quick ? 'quick' : 'full',
    sizes,
    parts,
    seed,
    machine,
    loadAtEnd: loadavg()[0],
    durationSeconds: Math.round((performance.now() - started) / 1000),
    measures: evaluated,
  };
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);

  const missed = evaluated.filter((m) => m.met === false);
  const verdict = !options.checkTargets
    ? 'Objectifs non vérifiés (--quick).'
    : missed.length === 0
      ? 'Tous les objectifs sont atteints.'
      : `${missed.length} objectif(s) manqué(s) : ${missed.map((m) => `${m.section} – ${m.label}`).join(' ; ')}.`;
  process.stdout.write(
    options.json
      ? `${JSON.stringify(results, null, 2)}\n`
      : [
          `Banc d’essai RAMED Guichet – ${results.date.slice(0, 10)}, ${machine.cores} cœurs ${machine.cpu}, ${machine.ramGb} Go, Node ${machine.node}, ${machine.sqliteDriver}`,
          `Durée ${results.durationSeconds} s, charge de la machine ${machine.loadAtStart.toFixed(2)} au début, ${results.loadAtEnd!.toFixed(2)} à la fin. Résultats : ${options.out}`,
          '',
          textTable(evaluated),
          '',
          verdict,
          ...(options.markdown ? ['', markdownTable(evaluated)] : []),
          '',
        ].join('\n'),
  );
  return missed.length > 0 ? 1 : 0;
}

// A failure is not a missed target: exit code 3, so `ramed bench` tells them apart.
process.exitCode = await main().catch((error: unknown) => {
  process.stderr.write(`Le banc d’essai s’est arrêté : ${(error as Error)?.stack ?? String(error)}\n`);
  return 3;
});
