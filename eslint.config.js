import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layer rule (CONTRIBUTING.md, « La règle des imports »): renderer/ → shared/ ;
// electron/main → electron/core → shared/. Every import in the code is relative, so a folder is
// recognised by its name after the leading ../ (no folder of core, shared or renderer is named
// electron, cli, webhost, main, preload or renderer).
const forbidden = {
  electron: { source: String.raw`^(\.\./)*electron(/|$)`, what: 'electron ni electron/' },
  electronPackage: { source: String.raw`^electron(/|$)`, what: 'le paquet electron' },
  shell: { source: String.raw`^(\.\./)+(cli|webhost|main|preload)(/|$)`, what: 'electron/cli, webhost, main ni preload' },
  renderer: { source: String.raw`^(\.\./)+renderer(/|$)`, what: 'renderer/' },
  node: { source: '^node:', what: 'les modules node: (ce code tourne aussi dans la page)' },
};

// no-restricted-imports sees import and export … from; the dynamic import() and the type-level
// import('…') are caught by no-restricted-syntax with the same patterns.
function layer(folder, names) {
  const rules = names.map((name) => ({
    source: forbidden[name].source,
    message: `${folder} n'importe pas ${forbidden[name].what} : voir CONTRIBUTING.md, « La règle des imports ».`,
  }));
  return {
    files: [`${folder}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', { patterns: rules.map(({ source, message }) => ({ regex: source, message })) }],
      'no-restricted-syntax': [
        'error',
        ...rules.flatMap(({ source, message }) => {
          const value = `/${source.replaceAll('/', String.raw`\x2F`)}/`;
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
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron.' }] },
      ],
    },
  },
  { files: ['electron/main/**', 'electron/preload/**'], rules: { 'no-restricted-imports': 'off' } },
  layer('electron/core', ['electronPackage', 'shell', 'renderer']),
  layer('shared', ['electron', 'renderer', 'node']),
  layer('renderer', ['electron', 'node']),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  { files: ['tests/e2e/**'], rules: { 'no-empty-pattern': 'off' } },
);
