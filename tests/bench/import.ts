import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import cliProcess from '../../bin/cli-process.json';
import { openCore } from '../../electron/core/app';
import { openDatabase } from '../../electron/core/db/connect';
import { migrate } from '../../electron/core/db/migrate';
import { silentLogger } from '../../electron/core/logger';
import { FILE_COLUMNS } from '../../electron/core/registry/registry-row';
import { ensureSqliteShell, removeDatabase, runProcess, runTs } from './processes';
import type { Measure } from './report';

const SECTION = '1. Import du registre';

/** The shell's .import of the registry file into `table`, read through gzip as the import reads it. */
const shellImport = (file: string, table: string) =>
  [
    `create table ${table}(${FILE_COLUMNS.join(', ')});`,
    '.mode csv',
    '.separator ;',
    `.import --skip 1 '|gzip -dc ${resolve(file)}' ${table}`,
  ].join('\n');

/**
 * The writes the import makes, done by the shell in bulk: every person into the application's
 * table (unique récépissé, holder and NINA indexes, name search index) and every récépissé into
 * the import's list of those met. What is left between this and the import is the import's own
 * work: parsing and checking each row, batching, the driver. `indexesAtEnd`: as a first import
 * does (PersonIndexes), the holder, NINA and name indexes are set aside before (untimed, the table
 * is empty) and built once after the rows; otherwise kept up to date row by row.
 */
const sameWrites = (file: string, indexesAtEnd: boolean) =>
  [
    shellImport(file, 'registre'),
    `insert or ignore into person (recepisse, family_name, given_names, sex, birth_date, quality, holder_recepisse, category,
       valid_from, valid_to, status, nina, commune_code, commune, phone, created_at, updated_at)
     select recepisse, nom, prenoms, sexe, date_naissance, qualite, nullif(recepisse_titulaire, ''), nullif(categorie, ''),
       nullif(debut_validite, ''), nullif(fin_validite, ''), coalesce(nullif(statut, ''), 'actif'), nullif(nina, ''),
       commune_code, commune, nullif(telephone, ''), '2026-11-16', '2026-11-16'
     from registre;`,
    `insert or ignore into registry_import_seen (import_id, recepisse, line) select 1, recepisse, rowid + 1 from registre;`,
    'drop table registre;',
    ...(indexesAtEnd
      ? [
          'create index person_holder on person (holder_recepisse);',
          'create index person_nina on person (nina);',
          "insert into person_fts(person_fts) values ('rebuild');",
        ]
      : []),
  ].join('\n');

const TIME = '/usr/bin/time';

/** Runs the shell on `script`; answers its wall time and, when /usr/bin/time is there, its processor time (s). */
async function sqliteShell(db: string, script: string): Promise<{ seconds: number; cpu: number | null }> {
  const timed = existsSync(TIME);
  const run = await runProcess(timed ? TIME : 'sqlite3', [...(timed ? ['-f', 'cpu %U %S', 'sqlite3'] : []), '-bail', db], script);
  if (run.code !== 0) throw new Error(`sqlite3 a échoué : ${run.stderr.slice(0, 2000)}`);
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(run.stderr);
  return { seconds: run.ms / 1000, cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : null };
}

export interface ImportOutcome {
  measures: Measure[];
  /** The database the import filled, for the lookups. */
  database: string;
}

export async function benchImport(file: string, persons: number, dataDir: string, log: (text: string) => void): Promise<ImportOutcome> {
  ensureSqliteShell(log);
  const bare = `${dataDir}/shell-${persons}.db`;
  const schema = `${dataDir}/shell-schema-${persons}.db`;
  const database = `${dataDir}/import-${persons}.db`;
  for (const db of [bare, schema, database]) removeDatabase(db);

  log('shell sqlite3 : .import dans une table nue…');
  const shell = await sqliteShell(bare, shellImport(file, 'registre'));
  const rows = Number((await runProcess('sqlite3', [bare, 'select count(*) from registre'])).stdout.trim());
  removeDatabase(bare);

  /** The shell's same writes into a migrated database (its making untimed). */
  const sameWritesByShell = async (indexesAtEnd: boolean) => {
    const handle = await openDatabase(schema);
    await migrate(handle.db, handle.features);
    if (indexesAtEnd) await handle.features.personIndexes.setAside(handle.db);
    await handle.close();
    const timed = await sqliteShell(schema, sameWrites(file, indexesAtEnd));
    removeDatabase(schema);
    return timed;
  };
  log('shell sqlite3 : .import puis les mêmes écritures que l’import, index tenus ligne à ligne…');
  const rowByRowShell = await sameWritesByShell(false);
  log('shell sqlite3 : .import puis les mêmes écritures que l’import, index faits à la fin…');
  const sameShell = await sameWritesByShell(true);

  // `ramed` refuses a missing database (only init, demo and restore make one): made here, untimed.
  await (await openCore({ db: database, log: silentLogger })).close();
  log(`import-registry --mode full de ${rows} lignes (processus séparé)…`);
  // The Node flags and environment the `ramed` command runs under (bin/ramed.mjs): the memory measured is the command's.
  const child = await runTs('tests/bench/import-child.ts', [file, database], cliProcess);
  if (child.code !== 0) throw new Error(`l’import a échoué :\n${child.stderr.slice(-3000)}`);
  const figures = JSON.parse(child.stdout.trim().split('\n').pop()!) as {
    ms: number;
    inserted: number;
    rejected: number;
    maxRssMb: number;
    cpuMs: number;
  };
  const seconds = figures.ms / 1000;
  log(
    `import : ${figures.inserted} personnes, ${figures.rejected} lignes rejetées, ${seconds.toFixed(1)} s, ` +
      `${(figures.cpuMs / 1000).toFixed(1)} s de processeur, RSS max ${figures.maxRssMb.toFixed(0)} Mo`,
  );

  const label = `${new Intl.NumberFormat('fr-FR').format(rows).replace(/\s/g, ' ')} lignes`;
  const bareLabel = 'shell sqlite3 .import, table nue';
  const sameLabel = 'shell : .import puis les mêmes écritures (index faits à la fin, comme l’import)';
  const rowByRowLabel = 'shell : .import puis les mêmes écritures, index tenus ligne à ligne';
  const cpu = figures.cpuMs / 1000;
  return {
    database,
    measures: [
      {
        section: SECTION,
        label: `durée (${label})`,
        unit: 's',
        value: seconds,
        baseline: { label: bareLabel, value: shell.seconds },
        targets: [{ of: 'ratio', max: 3, inclusive: true }],
      },
      { section: SECTION, label: 'débit', unit: 'lignes/s', value: rows / seconds, baseline: { label: bareLabel, value: rows / shell.seconds } },
      {
        section: SECTION,
        label: 'mémoire (RSS max du processus)',
        unit: 'Mo',
        value: figures.maxRssMb,
        baseline: null,
        targets: [{ of: 'value', max: 400 }],
      },
      // The cores are shared: processor time says what the work costs whatever the others run.
      ...(shell.cpu === null ? [] : [{ section: SECTION, label: 'temps processeur', unit: 's' as const, value: cpu, baseline: { label: bareLabel, value: shell.cpu } }]),
      {
        section: SECTION,
        label: 'durée, face aux mêmes écritures',
        unit: 's',
        value: seconds,
        baseline: { label: sameLabel, value: sameShell.seconds },
        // Issue 23: the import's own work (reading, checking, the driver) at most as much again as the writes.
        targets: [{ of: 'ratio', max: 2, inclusive: true }],
      },
      ...(sameShell.cpu === null
        ? []
        : [{ section: SECTION, label: 'temps processeur, face aux mêmes écritures', unit: 's' as const, value: cpu, baseline: { label: sameLabel, value: sameShell.cpu } }]),
      // The comparison of issue 23 before the import built its indexes at the end.
      ...(rowByRowShell.cpu === null
        ? []
        : [{ section: SECTION, label: 'temps processeur, face aux écritures ligne à ligne', unit: 's' as const, value: cpu, baseline: { label: rowByRowLabel, value: rowByRowShell.cpu } }]),
    ],
  };
}
