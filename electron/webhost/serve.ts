import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startHost } from '../core/host';
import { openFailure, resolveDatabase } from '../core/workstation';
import { startWebHost } from './server';

// `npm run dev:web`: the app in a browser, for machines without an Electron binary.
const { values } = parseArgs({
  options: { db: { type: 'string' }, port: { type: 'string' }, token: { type: 'string' }, static: { type: 'string' } },
});
const resolved = resolveDatabase(values.db);
const started = await startHost({ db: resolved.target, program: 'l’hôte navigateur', outboxName: 'web' }).catch((error: unknown) => {
  process.stderr.write(`${openFailure(resolved, error)}\n`);
  process.exit(1);
});
const { core } = started;
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
  await started.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
