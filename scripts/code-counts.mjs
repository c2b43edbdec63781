// Counts what issue #22 measures in the code, the same way before and after a change:
//   node scripts/code-counts.mjs [--list] [folder…]        (default: renderer/src)
// - calls of the renderer's state hooks (useState, useCall, useQuery, useCommand, useReducer, useEffect),
//   read from the syntax tree: a call `useState(…)` or `React.useState(…)`, not an import or a comment;
// - functions longer than 80 lines (declarations, arrow functions, function expressions, methods), from
//   the line of their first token to the line of their last; a function named with a capital is a component.
// --list prints the long functions, longest first.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const LONG = 80;
const HOOKS = ['useState', 'useCall', 'useQuery', 'useCommand', 'useReducer', 'useEffect'];

const args = process.argv.slice(2);
const list = args.includes('--list');
const folders = args.filter((a) => a !== '--list');
const roots = folders.length > 0 ? folders : ['renderer/src'];

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

function nameOf(node) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return '(anonyme)';
}

function calleeName(call) {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return null;
}

const hooks = Object.fromEntries(HOOKS.map((h) => [h, 0]));
const long = [];
let files = 0;
for (const root of roots) {
  for (const path of sourceFiles(root)) {
    files += 1;
    const text = readFileSync(path, 'utf8');
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const line = (pos) => source.getLineAndCharacterOfPosition(pos).line;
    const visit = (node) => {
      if (ts.isCallExpression(node)) {
        const name = calleeName(node);
        if (name && name in hooks) hooks[name] += 1;
      }
      if (ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node)) {
        const lines = line(node.getEnd()) - line(node.getStart(source)) + 1;
        if (lines > LONG) long.push({ name: nameOf(node), file: relative(process.cwd(), path), lines });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
}

const components = long.filter((f) => /^[A-Z]/.test(f.name));
console.log(`dossiers : ${roots.join(', ')} (${files} fichiers)`);
for (const h of HOOKS) console.log(`${h} : ${hooks[h]}`);
console.log(`fonctions de plus de ${LONG} lignes : ${long.length}, dont composants React : ${components.length}`);
if (list) {
  for (const f of long.sort((a, b) => b.lines - a.lines)) console.log(`  ${f.lines}\t${f.name}\t${f.file}`);
}
