import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBundleFresh } from '../../bin/cli-bundle.mjs';

const STARTED_AT = Date.parse('2026-12-07T10:00:00.000Z');
const BEFORE = new Date(STARTED_AT - 60_000);

/** `bin/ramed.mjs` runs out/cli/index.js only while every file the build read is as it was then. */
describe('the freshness of the ramed bundle (bin/cli-bundle.mjs)', () => {
  let root: string;
  const file = (name: string, mtime = BEFORE) => {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `// ${name}\n`);
    utimesSync(path, mtime, mtime);
    return path;
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ramed-cli-bundle-'));
    file('electron/cli/index.ts');
    file('shared/lib/dates.ts');
    file('shared/lib/unused.ts');
    file('package.json');
    file('out/cli/index.js', new Date(STARTED_AT + 5_000));
    const sources = { startedAt: STARTED_AT, files: ['electron/cli/index.ts', 'package.json', 'shared/lib/dates.ts'] };
    writeFileSync(join(root, 'out/cli/sources.json'), JSON.stringify(sources));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is fresh when no file the build read changed, whatever happens to the others', () => {
    expect(isBundleFresh(root)).toBe(true);
    file('shared/lib/unused.ts', new Date(STARTED_AT + 60_000));
    file('shared/lib/new.ts', new Date(STARTED_AT + 60_000));
    expect(isBundleFresh(root)).toBe(true);
  });

  it.each(['shared/lib/dates.ts', 'package.json'])('is stale once %s is edited, even while the build was running', (name) => {
    file(name, new Date(STARTED_AT));
    expect(isBundleFresh(root)).toBe(false);
    file(name, new Date(STARTED_AT + 60_000));
    expect(isBundleFresh(root)).toBe(false);
  });

  it('is stale once a file the build read is gone', () => {
    unlinkSync(join(root, 'shared/lib/dates.ts'));
    expect(isBundleFresh(root)).toBe(false);
  });

  it.each(['out/cli/index.js', 'out/cli/sources.json'])(
    'is not fresh without %s (never built, or built before the list existed)',
    (name) => {
      unlinkSync(join(root, name));
      expect(isBundleFresh(root)).toBe(false);
    },
  );
});
