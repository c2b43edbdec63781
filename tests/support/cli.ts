import './audit-key-env';
import { runCli } from '../../electron/cli/run';

/** Runs `ramed …` in-process and captures what it prints. */
export async function ramed(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string; json: unknown }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => (stdout += `${t}\n`),
    stderr: (t) => (stderr += `${t}\n`),
    env: { ...process.env, RAMED_HOME: '/nonexistent-ramed-home' },
  });
  let json: unknown = undefined;
  if (argv.includes('--json')) json = JSON.parse(stdout);
  return { code, stdout, stderr, json };
}
