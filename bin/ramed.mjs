#!/usr/bin/env node
// The `ramed` command: runs the TypeScript CLI through tsx (the same code `npm run ramed` runs).
import { spawn } from 'node:child_process';
import { register } from 'tsx/esm/api';
import cliEnv from './cli-env.json' with { type: 'json' };

// glibc gives each thread doing SQLite work its own malloc arena, kept once grown: a national
// registry import then held some 30 MB more at its peak. The setting is read at process start,
// so Node is started again with it (the bench's import child runs under the same cli-env.json).
if (Object.entries(cliEnv).some(([name, value]) => process.env[name] !== value)) {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, ...cliEnv },
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
  register();
  await import('../electron/cli/index.ts');
}
