import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../../shared/contract/result';
import { DomainError } from '../errors';
import type { BatchItem } from './apply-batch';
import { readRecords, type RegistryFile } from './registry-file';
import { checkRow, type FileHeader } from './registry-row';
import { stageBatch } from './stage-batch';

/** What the reading worker (parse-worker.ts) is asked to do. */
export interface ParseTask {
  file: RegistryFile;
  /** The check pass read the file as plain CSV: no need to try csv-parse's way (readRecords). */
  plain: boolean;
  header: FileHeader;
  /** The import's day, for the rows' date checks. */
  today: string;
  /** Rows up to this file line were applied by an earlier run of the same import: skipped. */
  afterLine: number;
  batchRows: number;
  /** Batches the worker may send before the import takes one. */
  ahead: number;
  /** Where to stage each batch in a file of its own (stage-batch.ts); null: hand the rows over. */
  stageDir: string | null;
}

/** A batch as the import takes it: its rows, or the file they were staged to, with its last line. */
export type ReadBatch = { kind: 'rows'; items: BatchItem[] } | { kind: 'staged'; file: string; lastLine: number };

export type WorkerMessage =
  | { type: 'batch'; batch: ReadBatch }
  | { type: 'end' }
  | { type: 'refused'; code: ErrorCode; message: string }
  | { type: 'failed'; message: string };

/** The name of the worker's entry in a bundle (scripts/build-cli.mjs, electron.vite.config.ts). */
export const PARSE_WORKER_ENTRY = 'registry-parse-worker';

/** Where a bundle may put the worker's entry, from the chunk holding this module (out/cli, out/main/chunks). */
const BUNDLED = ['./', '../'].flatMap((dir) => ['.js', '.mjs'].map((ext) => `${dir}${PARSE_WORKER_ENTRY}${ext}`));

/**
 * Where the worker's code is: beside this module's bundle once built, else the TypeScript source
 * (tests, tsx), run through tsx's loader unless the process already has it.
 */
function workerSource(): { url: URL; execArgv?: string[] } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) {
    const url = BUNDLED.map((name) => new URL(name, here)).find((candidate) => existsSync(candidate));
    if (!url) throw new Error(`${PARSE_WORKER_ENTRY} introuvable à côté de ${here} : l’application est mal construite`);
    return { url };
  }
  const url = new URL('./parse-worker.ts', here);
  if (process.execArgv.some((arg) => arg.includes('tsx'))) return { url };
  const loader = pathToFileURL(createRequire(here).resolve('tsx')).href;
  // Given explicitly, a worker's options may not hold V8 or process options: only the loader.
  return { url, execArgv: ['--import', loader] };
}

/** The file's rows after `task.afterLine`, read and checked in this thread, in batches in file order. */
export async function* readCheckedBatches(task: Omit<ParseTask, 'ahead'>): AsyncGenerator<BatchItem[]> {
  let batch: BatchItem[] = [];
  let headerSeen = false;
  for await (const record of readRecords(task.file, { plain: task.plain })) {
    if (!headerSeen) {
      headerSeen = true;
      continue;
    }
    if (record.line <= task.afterLine) continue;
    batch.push({ line: record.line, check: checkRow(record.fields, task.header, task.today) });
    if (batch.length >= task.batchRows) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** The batches of readCheckedBatches, staged to files in `task.stageDir` when it is set. */
export async function* readBatches(task: Omit<ParseTask, 'ahead'>): AsyncGenerator<ReadBatch> {
  for await (const items of readCheckedBatches(task)) {
    if (task.stageDir === null) {
      yield { kind: 'rows', items };
      continue;
    }
    const file = join(task.stageDir, `lignes-${items[0]!.line}.db`);
    stageBatch(items, file);
    yield { kind: 'staged', file, lastLine: items[items.length - 1]!.line };
  }
}

/**
 * The same batches, read and checked by a worker thread (parse-worker.ts): the reading and
 * checking run on the other core while the caller writes. At most `ahead` batches wait for the
 * caller (backpressure). Stopping the iteration (break, error) ends the worker.
 */
export async function* checkedBatches(task: ParseTask): AsyncGenerator<ReadBatch> {
  const { url, execArgv } = workerSource();
  // A worker has its own heap: its young generation kept to what `ramed` gives its main thread
  // (--max-semi-space-size=8, bin/cli-process.json), for the import's peak memory.
  const worker = new Worker(url, {
    workerData: task,
    resourceLimits: { maxYoungGenerationSizeMb: 24, maxOldGenerationSizeMb: 64 },
    ...(execArgv ? { execArgv } : {}),
  });
  const inbox: WorkerMessage[] = [];
  let crashed: Error | null = null;
  let exited = false;
  let wake: (() => void) | null = null;
  const rouse = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: WorkerMessage) => {
    inbox.push(message);
    rouse();
  });
  worker.on('error', (error) => {
    crashed = error;
    rouse();
  });
  worker.on('exit', () => {
    exited = true;
    rouse();
  });
  try {
    for (;;) {
      while (inbox.length === 0 && crashed === null && !exited) await new Promise<void>((resolve) => (wake = resolve));
      const message = inbox.shift();
      if (!message) throw crashed ?? new Error('le fil de lecture du registre s’est arrêté sans finir');
      if (message.type === 'end') return;
      if (message.type === 'refused') throw new DomainError(message.code, message.message);
      if (message.type === 'failed') throw new Error(`lecture du registre : ${message.message}`);
      worker.postMessage('more');
      yield message.batch;
    }
  } finally {
    await worker.terminate();
  }
}
