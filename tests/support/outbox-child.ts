// A worker in its own process, for the test that kills one mid-send: `tsx outbox-child.ts DB WORKER`.
import { systemClock } from '../../electron/core/clock';
import { openDatabase } from '../../electron/core/db/connect';
import { sendDue } from '../../electron/core/outbox/send';

const [target, worker] = process.argv.slice(2);
const handle = await openDatabase(target!);
await sendDue({ handle: () => handle, clock: systemClock, random: Math.random, fetch, worker: worker! });
await handle.close();
