import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

function resolvesInto(file: string, spec: string, folder: string): boolean {
  if (!spec.startsWith('.')) return false;
  const target = relative(ROOT, join(ROOT, file, '..', spec));
  return target === folder || target.startsWith(`${folder}/`);
}

// The layering of architecture.md: renderer → shared; electron/main → electron/core → shared.
describe('import rules', () => {
  it.each(sources('electron/core'))('electron/core never imports electron: %s', (file) => {
    expect(importsOf(file).filter((s) => s === 'electron' || s.startsWith('electron/'))).toEqual([]);
    expect(importsOf(file).filter((s) => resolvesInto(file, s, 'electron/main') || resolvesInto(file, s, 'renderer'))).toEqual([]);
  });

  it.each(sources('shared'))('shared imports neither electron nor the back end nor the UI: %s', (file) => {
    const bad = importsOf(file).filter(
      (s) => s === 'electron' || s.startsWith('node:') || resolvesInto(file, s, 'electron') || resolvesInto(file, s, 'renderer'),
    );
    expect(bad).toEqual([]);
  });

  it.each(sources('renderer'))('renderer never imports from electron/: %s', (file) => {
    const bad = importsOf(file).filter((s) => s === 'electron' || s.startsWith('node:') || resolvesInto(file, s, 'electron'));
    expect(bad).toEqual([]);
  });

  it('finds the files it checks', () => {
    expect(sources('electron/core').length).toBeGreaterThan(10);
    expect(sources('renderer').length).toBeGreaterThan(5);
  });
});
