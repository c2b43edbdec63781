#!/usr/bin/env node
// The `ramed` command: runs the CLI as built by `npm run build:cli` (out/cli/index.js) while no file
// it was built from has changed, else the TypeScript sources themselves through tsx (a fresh
// clone, a source just edited): slower to start, same behaviour.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI_BUNDLE, isBundleFresh } from './cli-bundle.mjs';
import cliProcess from './cli-process.json' with { type: 'json' };

// Memory of a national registry import (bench, 1 million persons): V8's default young generation
// held some 100 MB more at the peak than with 8 MB semi-spaces, and glibc's per-thread malloc
// arenas (SQLite works on the libuv threads) some 30 MB more. Both are read when Node starts, so
// Node is started again with them; the bench's import child runs under the same cli-process.json.
// Only the commands listed there hold a registry in memory: every other one (`ramed --help`,
// `ramed check` at the desk) runs in this process, without starting a second Node.
const { env, nodeFlags, commands } = cliProcess;
const needsFlags = process.argv.slice(2).some((arg) => commands.includes(arg));
const started =
  !needsFlags ||
  (Object.entries(env).every(([name, value]) => process.env[name] === value) && nodeFlags.every((flag) => process.execArgv.includes(flag)));
if (!started) {
  // The IPC channel ties the child to this process: if this one dies (even by kill -9), the
  // channel closes and the child stops its job and exits instead of running on, orphaned.
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [...process.execArgv, ...nodeFlags, ...process.argv.slice(1)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...env },
  });
  // Ctrl-C reaches the child itself (same process group): it cancels the job and says so, then
  // exits. Passed on, it would arrive twice and the second would stop the child mid-cancel.
  const ignore = () => {};
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', ignore);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => {
    process.off('SIGINT', ignore);
    process.off('SIGTERM', forward);
    if (signal) process.kill(process.pid, signal);
    else process.exitCode = code ?? 1;
  });
} else {
  if (process.channel) {
    // Started by the wrapper above: the channel must not keep this process alive by itself.
    process.channel.unref();
    process.once('disconnect', () => {
      // The wrapper is gone: stop as Ctrl-C would (a running import is cancelled between two
      // batches and recorded so), and leave for good if that takes too long.
      setTimeout(() => process.exit(130), 60_000).unref();
      process.kill(process.pid, 'SIGINT');
    });
  }
  if (isBundleFresh()) {
    // V8's compiled code kept beside the bundle (a new build empties the folder, and Node checks
    // each file's hash): the next start reads it instead of parsing the whole bundle again.
    const { enableCompileCache } = await import('node:module');
    enableCompileCache?.(join(CLI_BUNDLE, '..', 'compile-cache'));
    await import(pathToFileURL(CLI_BUNDLE).href);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    await import('../electron/cli/index.ts');
  }
}
