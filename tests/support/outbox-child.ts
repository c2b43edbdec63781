// A worker in its own process, for the test that kills one mid-send: `tsx outbox-child.ts DB WORKER`.
import { auditKeyFrom, defaultAuditKeyFile, fileKeyStore } from '../../electron/core/audit/audit-key';
import { systemClock } from '../../electron/core/clock';
import { openDatabase } from '../../electron/core/db/connect';
import { sendDue } from '../../electron/core/outbox/send';
import { holdSecretKey } from '../../electron/core/settings/secrets';

const [target, worker] = process.argv.slice(2);
const handle = await openDatabase(target!);
// The ANAM token is a sealed setting: this process opens it with the workstation's key, as the app does.
const stored = await fileKeyStore(defaultAuditKeyFile()).load();
if (stored) holdSecretKey(auditKeyFrom(stored));
await sendDue({ handle: () => handle, clock: systemClock, random: Math.random, fetch, worker: worker! });
await handle.close();
