import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layer rule of CONTRIBUTING.md is enforced by eslint.config.js (npm run lint). These cases
// lint one import at a time, as if it were written in the given file, so that a weakened zone, a
// resolver that no longer finds the .ts files, or a dropped rule fails here instead of letting a
// forbidden import through unnoticed.
const ROOT = join(import.meta.dirname, '../..');
// consistent-type-imports refuses the type-level import('…') anywhere: written `import type`, the
// zones see it.
const LAYER_RULES = new Set([
  'import-x/no-restricted-paths',
  'no-restricted-imports',
  'no-restricted-syntax',
  'import-x/no-cycle',
  '@typescript-eslint/consistent-type-imports',
]);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId)).map((m) => m.message);
}

const zone = (folder: string) => new RegExp(`${folder} n'importe`);
const refused: [string, string, RegExp][] = [
  // renderer/ → shared/ and itself only.
  ['renderer/src/probe.ts', "import { app } from 'electron';", /le paquet electron/],
  ['renderer/src/probe.ts', "import { openCore } from '../../electron/core/app';", zone('renderer/')],
  ['renderer/src/screens/admin/probe.ts', "import { x } from '../../../../electron/core/clock';", zone('renderer/')],
  ['renderer/src/probe.ts', "export const m = import('../../electron/core/clock');", zone('renderer/')],
  ['renderer/src/probe.ts', "import type { Core } from '../../electron/core/core-types';", zone('renderer/')],
  ['renderer/src/probe.ts', "import { x } from '../../tests/support/clock';", zone('renderer/')],
  ['renderer/src/probe.ts', "import { readFileSync } from 'node:fs';", /pas de module node:/],
  // shared/ → itself only.
  ['shared/probe.ts', "import { app } from 'electron';", /le paquet electron/],
  ['shared/api/probe.ts', "export { systemClock } from '../../electron/core/clock';", zone('shared/')],
  ['shared/probe.ts', "import type { Section } from '../renderer/src/sections';", zone('shared/')],
  ['shared/probe.ts', "export type C = typeof import('../electron/core/clock');", /import\(\)/],
  ['shared/statistics/probe.ts', "import { createHash } from 'node:crypto';", /pas de module node:/],
  // electron/core → not the hosts, nor the page.
  ['electron/core/probe.ts', "import { app } from 'electron';", /le paquet electron/],
  ['electron/core/probe.ts', "import { ipcMain } from 'electron/main';", /le paquet electron/],
  ['electron/core/claims/probe.ts', "import { COMMANDS } from '../../cli/commands/index';", zone('electron/core')],
  ['electron/core/claims/probe.ts', "import { runCli } from '../../cli/run';", zone('electron/core')],
  ['electron/core/probe.ts', "import { startWebHost } from '../webhost/server';", zone('electron/core')],
  ['electron/core/db/migrations/probe.ts', "import { buildMenu } from '../../../main/menu';", zone('electron/core')],
  ['electron/core/probe.ts', "import type { X } from '../preload/index';", zone('electron/core')],
  ['electron/core/handlers/probe.ts', "import { SECTIONS } from '../../../renderer/src/sections';", zone('electron/core')],
  ['electron/core/probe.ts', "export const m = () => import('../cli/run');", zone('electron/core')],
  // electron/cli and electron/webhost → core and shared.
  ['electron/cli/probe.ts', "import { app } from 'electron';", /le paquet electron/],
  ['electron/cli/probe.ts', "import { startWebHost } from '../webhost/server';", zone('electron/cli')],
  ['electron/cli/commands/probe.ts', "import { buildMenu } from '../../main/menu';", zone('electron/cli')],
  ['electron/webhost/probe.ts', "import { runCli } from '../cli/run';", zone('electron/webhost')],
  ['electron/webhost/probe.ts', "import { SECTIONS } from '../../renderer/src/sections';", zone('electron/webhost')],
  // electron/main → core and shared; electron/preload → shared.
  ['electron/main/probe.ts', "import { runCli } from '../cli/run';", zone('electron/main')],
  ['electron/preload/probe.ts', "import { openCore } from '../core/app';", zone('electron/preload')],
  ['electron/preload/probe.ts', "import { buildMenu } from '../main/menu';", zone('electron/preload')],
  // Anywhere else: the electron package is for main and preload.
  ['scripts/probe.mjs', "import { app } from 'electron';", /le paquet electron/],
  // A cycle through real files, resolved from extensionless imports: clock.ts imported by app.ts.
  ['electron/core/clock.ts', "import { openCore } from './app'; export const x = openCore;", /Dependency cycle/],
];

const allowed: [string, string][] = [
  ['renderer/src/screens/admin/probe.ts', "import { x } from '../../../../shared/lib/money';"],
  ['renderer/src/probe.ts', "import { useState } from 'react'; import { x } from './lib/today';"],
  ['shared/api/probe.ts', "import { z } from 'zod'; import { x } from '../money';"],
  ['electron/core/handlers/probe.ts', "import { x } from '../../../shared/lib/money'; import { y } from '../db/dialect';"],
  ['electron/core/backup/probe.ts', "import { readFile } from 'node:fs/promises';"],
  ['electron/cli/probe.ts', "import { x } from '../core/app'; import { y } from '../../shared/lib/money';"],
  ['electron/webhost/probe.ts', "import { x } from '../core/app';"],
  [
    'electron/main/probe.ts',
    "import { app } from 'electron'; import { x } from '../core/app'; import { y } from '../../shared/contract/ipc-channels';",
  ],
  ['electron/preload/probe.ts', "import { contextBridge } from 'electron'; import { y } from '../../shared/contract/ipc-channels';"],
];

describe('the layer rule, as the lint enforces it', () => {
  it.each(refused)('refuses in %s: %s', async (file, code, message) => {
    const errors = await layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each(allowed)('allows in %s: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
