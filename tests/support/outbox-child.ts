// A worker in its own process, for the test that kills one mid-send: `tsx outbox-child.ts DB WORKER`.
import { openCore } from '../../electron/core/app';
import { silentLogger } from '../../electron/core/logger';
import { sendDue } from '../../electron/core/outbox/send';
import { actingAs } from '../../electron/core/service-context';

const [target, worker] = process.argv.slice(2);
// Opened as the app opens it: the ANAM token is a sealed setting, opened with the workstation's key.
const core = await openCore({ db: target!, log: silentLogger });
await sendDue({ ...actingAs(core.deps, worker!), random: Math.random, fetch, worker: worker! });
await core.close();
