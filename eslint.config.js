import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layer rule (CONTRIBUTING.md, « La règle des imports »). The zones work on resolved files, so a
// path is forbidden wherever it is written from, whatever its ../ (import, export … from, import(),
// require, and type imports alike). Packages and node: modules resolve to no folder of the
// repository: the electron package and node: modules keep their own rules below.
const rule = ' : voir CONTRIBUTING.md, « La règle des imports ».';
const zones = [
  {
    target: './renderer',
    from: '.',
    except: ['./renderer', './shared', './node_modules'],
    message: `renderer/ n'importe que shared/ et lui-même${rule}`,
  },
  {
    target: './shared',
    from: '.',
    except: ['./shared', './node_modules'],
    message: `shared/ n'importe que lui-même (ni electron/, ni renderer/)${rule}`,
  },
  {
    target: './electron/core',
    from: ['./electron/main', './electron/preload', './electron/cli', './electron/webhost', './renderer'],
    message: `electron/core n'importe ni electron/main, ni preload, ni cli, ni webhost, ni renderer/${rule}`,
  },
  {
    target: './electron/cli',
    from: ['./electron/main', './electron/preload', './electron/webhost', './renderer'],
    message: `electron/cli n'importe que electron/core et shared/${rule}`,
  },
  {
    target: './electron/webhost',
    from: ['./electron/main', './electron/preload', './electron/cli', './renderer'],
    message: `electron/webhost n'importe que electron/core et shared/${rule}`,
  },
  {
    target: './electron/main',
    from: ['./electron/preload', './electron/cli', './electron/webhost', './renderer'],
    message: `electron/main n'importe que electron/core et shared/${rule}`,
  },
  {
    target: './electron/preload',
    from: ['./electron/main', './electron/core', './electron/cli', './electron/webhost', './renderer'],
    message: `electron/preload n'importe que shared/ (il tourne dans le bac à sable de la page)${rule}`,
  },
];

const electronPackage = {
  regex: String.raw`^electron(/|$)`,
  message: `le paquet electron n'est importé que par electron/main et electron/preload${rule}`,
};
const nodeModules = { regex: '^node:', message: `pas de module node: ici : ce code tourne dans la page${rule}` };

// The electron package and node: modules are not files of the repository: no zone sees them.
// no-restricted-imports covers import and export … from; no-restricted-syntax the dynamic import()
// and the type-level import('…').
function packages(files, patterns) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns }],
      'no-restricted-syntax': [
        'error',
        ...patterns.flatMap(({ regex, message }) => {
          const value = `/${regex.replaceAll('/', String.raw`\x2F`)}/`;
          return [
            { selector: `ImportExpression[source.value=${value}]`, message },
            { selector: `TSImportType[source.value=${value}]`, message },
          ];
        }),
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      // The code imports its TypeScript files without extension ('./clock'): without .ts/.tsx here the
      // resolver finds no file, and the zones and the cycle check silently see nothing.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js', '.json', '.node'] })],
      // Which files the cycle check opens and how it parses them: without these it reads no .ts file.
      'import-x/extensions': ['.ts', '.tsx', '.mjs', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-restricted-paths': ['error', { zones }],
      // Value imports only: the plugin skips `import type`. Type cycles are caught by
      // tests/unit/import-cycles.test.ts.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  packages(['**/*.{ts,tsx,js,mjs}'], [electronPackage]),
  { files: ['electron/main/**', 'electron/preload/**'], rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' } },
  packages(['shared/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}'], [electronPackage, nodeModules]),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  { files: ['tests/e2e/**'], rules: { 'no-empty-pattern': 'off' } },
);
