import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError, type CliCommand } from '../command';

const RUNNER = 'tests/bench/run.ts';
/** The project's folder, above this module wherever it runs from (the sources, or out/cli once built). */
function projectRoot(): string {
  let root = import.meta.dirname;
  while (!existsSync(join(root, RUNNER)) && dirname(root) !== root) root = dirname(root);
  return root;
}

/**
 * The benchmarks (tests/bench/run.ts) in a process of their own, as `npm run bench` runs them: they
 * start their own processes (the import, the browser host, Chromium) and never touch --db.
 */
export const benchCommand: CliCommand = {
  name: 'bench',
  summary: 'mesure les performances (import du registre, contrôle, recherche, réclamation, premier écran) face à leurs références',
  usage:
    'bench [--quick] [--size PERSONNES] [--checks N] [--searches N] [--only import,lookups,during-import,backup,claims,screen] [--out FICHIER.json] [--seed N] [--markdown]',
  options: {
    quick: { type: 'boolean' },
    size: { type: 'string' },
    checks: { type: 'string' },
    searches: { type: 'string' },
    only: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string' },
    markdown: { type: 'boolean' },
  },
  async run(ctx, { values }) {
    const root = projectRoot();
    if (!existsSync(join(root, RUNNER))) {
      throw new UsageError('Le banc d’essai se lance depuis les sources du projet (tests/bench/run.ts), absentes de cette installation.');
    }
    const args = [
      ...(values.quick ? ['--quick'] : []),
      ...(['size', 'checks', 'searches', 'only', 'out', 'seed'] as const).flatMap((o) =>
        typeof values[o] === 'string' ? [`--${o}`, values[o]] : [],
      ),
      ...(values.markdown ? ['--markdown'] : []),
      ...(ctx.json ? ['--json'] : []),
    ];
    // Progress goes straight to this terminal's stderr; the table (or JSON) comes back on stdout.
    const { spawn } = await import('node:child_process');
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', RUNNER, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('error', reject);
      child.on('close', (status) => resolve({ code: status ?? 1, stdout: out }));
    });
    // The runner has already said what it refused.
    if (code === 2) throw new UsageError(`Usage : ramed ${benchCommand.usage}`);
    if (code !== 0 && code !== 1) throw new Error(`le banc d’essai s’est arrêté sur une erreur (code ${code}), voir ci-dessus`);
    return { json: ctx.json ? JSON.parse(stdout) : null, text: stdout.trimEnd(), exitCode: code };
  },
};
