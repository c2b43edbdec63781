import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

const markdownFiles = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** The text a reader sees as prose: fenced blocks and code spans hold examples, not links. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

function linksOf(file: string): string[] {
  const text = prose(readFileSync(join(ROOT, file), 'utf8'));
  return [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
}

/** GitHub's heading anchors: lower case, punctuation dropped, each space a hyphen, repeats numbered. */
function anchorsOf(file: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  const text = readFileSync(join(ROOT, file), 'utf8').replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const [, heading] of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = heading!
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

function problemOf(file: string, link: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link)) return null; // https:, mailto:: outside the repository
  const [path, anchor] = link.split('#') as [string, string | undefined];
  const target = path === '' ? file : relative(ROOT, join(ROOT, dirname(file), decodeURIComponent(path)));
  if (!existsSync(join(ROOT, target))) {
    return `${link} : ${target} n'existe pas`;
  }
  if (anchor !== undefined && target.endsWith('.md') && !anchorsOf(target).has(decodeURIComponent(anchor))) {
    return `${link} : pas de titre « #${anchor} » dans ${target}`;
  }
  if (anchor !== undefined && !target.endsWith('.md') && statSync(join(ROOT, target)).isDirectory()) {
    return `${link} : ancre sur un dossier`;
  }
  return null;
}

describe('links in the documentation', () => {
  it.each(markdownFiles)('every relative link of %s points to an existing file and heading', (file) => {
    const problems = linksOf(file)
      .map((link) => problemOf(file, link))
      .filter((p) => p !== null);
    expect(problems).toEqual([]);
  });

  it('the docs index links every file of docs/', () => {
    const linked = new Set(linksOf('docs/README.md').map((link) => link.split('#')[0]));
    const unlinked = markdownFiles.filter((f) => f.startsWith('docs/') && f !== 'docs/README.md' && !linked.has(f.slice('docs/'.length)));
    expect(unlinked).toEqual([]);
  });

  it('finds the links it checks, and would catch a broken one', () => {
    expect(linksOf('README.md').length).toBeGreaterThan(10);
    expect(linksOf('docs/architecture.md').length).toBeGreaterThan(40);
    expect(problemOf('README.md', 'docs/nulle-part.md')).toMatch(/n'existe pas/);
    expect(problemOf('docs/guide-accueil.md', 'guide-pharmacie.md#pas-de-titre')).toMatch(/pas de titre/);
    expect(problemOf('docs/guide-accueil.md', '#qui-a-droit-aux-soins')).toBeNull();
    expect(problemOf('docs/README.md', 'anam-link.md')).toBeNull();
  });

  it('reads anchors the way GitHub writes them', () => {
    const anchors = anchorsOf('docs/operations.md');
    expect(anchors).toContain('plusieurs-postes--serveur-postgresql-partagé');
    expect(anchors).toContain('où-sont-les-données');
  });
});
