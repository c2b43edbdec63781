import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// No import cycle in the code, type imports included: a cycle closed by `import type` is still two
// modules that cannot be understood (or moved) one without the other. The lint's import-x/no-cycle
// skips type imports, hence this graph of every import of electron/, shared/ and renderer/src.
const ROOT = join(import.meta.dirname, '../..');
const FOLDERS = ['electron', 'shared', 'renderer/src'];

function sourceFiles(): string[] {
  return FOLDERS.flatMap((folder) =>
    readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => resolve(ROOT, folder, file)),
  );
}

/** The file a relative import names, as TypeScript finds it ('./app' → app.ts, './api' → api/index.ts). */
function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile()) ?? null;
}

type Graph = Map<string, string[]>;

function importGraph(files: string[]): Graph {
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const targets = importedFiles.map(({ fileName }) => resolveImport(file, fileName)).filter((t): t is string => t !== null);
      return [file, [...new Set(targets)]];
    }),
  );
}

/** The strongly connected components of more than one file (Tarjan): each is a cycle. */
function cycles(graph: Graph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)?.includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('import cycles', () => {
  it('finds a cycle, however long, and none in a chain', () => {
    const graph: Graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['d']],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('reads type imports and extensionless paths of the real code', () => {
    const graph = importGraph(sourceFiles());
    const edges = (file: string) => graph.get(join(ROOT, file))?.map((target) => relative(ROOT, target));
    // A value import, a type-only one, and a folder's index.
    expect(edges('electron/core/app.ts')).toContain('electron/core/dispatcher.ts');
    expect(edges('electron/core/outbox/worker.ts')).toContain('electron/core/core-types.ts');
    expect(edges('electron/core/dispatcher.ts')).toContain('shared/api/index.ts');
  });

  it('has none in electron/, shared/ and renderer/src, type imports included', () => {
    const found = cycles(importGraph(sourceFiles())).map((cycle) => cycle.map((file) => relative(ROOT, file)));
    expect(found).toEqual([]);
  });
});
