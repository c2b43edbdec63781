import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../core/app';
import { startPullScheduler } from '../core/anam-lists/scheduler';
import { startBackupScheduler } from '../core/backup/scheduler';
import { isPostgresUrl } from '../core/db/connect';
import { startOutboxWorker } from '../core/outbox/worker';
import { openFailure, resolveDatabase } from '../core/workstation';
import { startWebHost } from './server';

// `npm run dev:web`: the app in a browser, for machines without an Electron binary.
const { values } = parseArgs({
  options: { db: { type: 'string' }, port: { type: 'string' }, token: { type: 'string' }, static: { type: 'string' } },
});
const resolved = resolveDatabase(values.db);
const db = resolved.target;
if (!isPostgresUrl(db)) mkdirSync(dirname(db), { recursive: true });
const core = await openCore({ db, program: 'l’hôte navigateur' }).catch((error: unknown) => {
  process.stderr.write(`${openFailure(resolved, error)}\n`);
  process.exit(1);
});
const scheduler = startBackupScheduler(core);
const outbox = startOutboxWorker(core, 'web');
const pulls = startPullScheduler(core);
const host = await startWebHost({
  core,
  staticDir: resolve(values.static ?? 'out/renderer'),
  port: values.port ? Number(values.port) : 5180,
  token: values.token,
});
process.stdout.write(`RAMED_URL=${host.url}\n`);
process.stdout.write(`\nGuichet RAMED prêt. Ouvrez cette adresse dans le navigateur :\n  ${host.url}\nBase : ${core.deps.handle.label}\n`);

const stop = async () => {
  await host.close();
  await scheduler.stop();
  await outbox.stop();
  await pulls.stop();
  await core.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
