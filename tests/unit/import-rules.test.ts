import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layer rule of CONTRIBUTING.md is enforced by eslint.config.js (npm run lint). These cases
// lint one import at a time, as if it were written in the given file, so that a weakened pattern
// fails here instead of letting a forbidden import through unnoticed.
const ROOT = join(import.meta.dirname, '../..');
const LAYER_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId)).map((m) => m.message);
}

const refused: [string, string, RegExp][] = [
  ['renderer/src/probe.ts', "import { app } from 'electron';", /renderer n'importe pas electron/],
  ['renderer/src/screens/admin/probe.ts', "import { x } from '../../../../electron/core/clock';", /renderer n'importe pas electron/],
  ['renderer/src/probe.ts', "export const m = import('../../electron/core/clock');", /renderer n'importe pas electron/],
  ['renderer/src/probe.ts', "import { readFileSync } from 'node:fs';", /renderer n'importe pas les modules node:/],
  ['shared/probe.ts', "import { app } from 'electron';", /shared n'importe pas electron/],
  ['shared/api/probe.ts', "export { systemClock } from '../../electron/core/clock';", /shared n'importe pas electron/],
  ['shared/probe.ts', "import type { Section } from '../renderer/src/sections';", /shared n'importe pas renderer/],
  ['shared/probe.ts', "export type C = typeof import('../electron/core/clock');", /shared n'importe pas electron/],
  ['shared/statistics/probe.ts', "import { createHash } from 'node:crypto';", /shared n'importe pas les modules node:/],
  ['electron/core/probe.ts', "import { app } from 'electron';", /electron\/core n'importe pas le paquet electron/],
  ['electron/core/probe.ts', "import { ipcMain } from 'electron/main';", /electron\/core n'importe pas le paquet electron/],
  ['electron/core/claims/probe.ts', "import { COMMANDS } from '../../cli/commands';", /electron\/core n'importe pas electron\/cli/],
  ['electron/core/probe.ts', "import { x } from '../webhost/server';", /electron\/core n'importe pas electron\/cli, webhost/],
  [
    'electron/core/db/migrations/probe.ts',
    "import { x } from '../../../main/index';",
    /electron\/core n'importe pas electron\/cli, webhost, main/,
  ],
  [
    'electron/core/probe.ts',
    "import { x } from '../preload/index';",
    /electron\/core n'importe pas electron\/cli, webhost, main ni preload/,
  ],
  ['electron/core/handlers/probe.ts', "import { x } from '../../../renderer/src/sections';", /electron\/core n'importe pas renderer/],
  ['electron/core/probe.ts', "export const m = () => import('../cli/run');", /electron\/core n'importe pas electron\/cli/],
  ['electron/cli/probe.ts', "import { app } from 'electron';", /Only electron\/main and electron\/preload may import electron/],
];

const allowed: [string, string][] = [
  ['renderer/src/screens/admin/probe.ts', "import { x } from '../../../../shared/money';"],
  ['renderer/src/probe.ts', "import { useState } from 'react';"],
  ['shared/api/probe.ts', "import { z } from 'zod'; import { x } from '../money';"],
  ['electron/core/handlers/probe.ts', "import { x } from '../../../shared/money'; import { y } from '../db/dialect';"],
  ['electron/core/backup/probe.ts', "import { readFile } from 'node:fs/promises';"],
  ['electron/cli/probe.ts', "import { x } from '../core/app'; import { y } from '../../shared/money';"],
  ['electron/webhost/probe.ts', "import { x } from '../core/app';"],
  ['electron/main/probe.ts', "import { app } from 'electron'; import { x } from '../core/app';"],
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
