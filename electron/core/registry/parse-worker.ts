// The registry import's reading stage, in a worker thread of its own (checked-batches.ts starts
// it): reads the file, parses it and checks every row, and hands the rows over in batches (or the
// scratch files it staged them to, stage-batch.ts) while the import's thread writes the previous
// ones. It never opens the registry's database.
import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../errors';
import { readBatches, type ParseTask, type ReadBatch, type WorkerMessage } from './checked-batches';

const port = parentPort!;
const task = workerData as ParseTask;

// Batches the import may be sent ahead of its writes: memory stays bounded whatever the file.
let credits = task.ahead;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits++;
  wake?.();
});

const post = (message: WorkerMessage) => port.postMessage(message);

async function send(batch: ReadBatch): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  wake = null;
  credits--;
  post({ type: 'batch', batch });
}

/** Reads to the end, or to the first error, which the import turns back into its own. */
async function run(): Promise<void> {
  try {
    for await (const batch of readBatches(task)) await send(batch);
    post({ type: 'end' });
  } catch (error) {
    post(
      error instanceof DomainError
        ? { type: 'refused', code: error.code, message: error.message }
        : { type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) },
    );
  }
  // The import ends the worker once it has read the last message.
}

void run();
