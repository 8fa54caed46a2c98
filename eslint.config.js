// ESLint for Gloss (flat config). `npm run lint` runs it and then the import-cycle check (dpdm, see
// package.json and the README's design section); `npm test` runs the lint.
// Line length and layout are Prettier's job (`npm run format:check`), not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import regexp from 'eslint-plugin-regexp';

export default tseslint.config(
  {
    // Built, generated or installed; the data and the test pages are not our code.
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'demo-output/**',
      'bench-output/**',
      'scratch/**',
      '.tmp/**',
      'data/**',
      'tests/fixtures/**',
      'public/**',
    ],
  },
  js.configs.recommended,
  // Syntax-only, not type-aware: see the README's design section for the timings that decided it.
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    plugins: { 'import-x': importX },
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    settings: {
      // import-x's own resolver (unrs-resolver), reading the `@/` paths from the tsconfig WXT writes.
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.json'],
          tsconfig: { configFile: './tsconfig.json', references: 'auto' },
        }),
      ],
    },
    rules: {
      // TypeScript checks names (tsc runs first in npm test); ESLint's copy knows no browser or Node globals.
      'no-undef': 'off',
      // Unused names are tsc's (noUnusedLocals, noUnusedParameters); a second report of the same thing adds nothing.
      '@typescript-eslint/no-unused-vars': 'off',
      // Gloss matches control characters on purpose: the Markdown and YAML escapers remove them from page
      // text, and the library's search uses \u0000–\u0002 as separators no page text can hold.
      'no-control-regex': 'off',
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
      'import-x/no-useless-path-segments': 'error',
      // Cycles are found by dpdm (`npm run lint:cycles`), which also counts type-only imports: import-x's
      // no-cycle skips those, and each of the cycles issue 17 found was closed by a type.
    },
  },
  {
    // Every regular expression the product runs may meet page text, a page's title or address, or a file
    // someone imports: none may backtrack more than linearly. These two rules prove it statically for each
    // pattern (eslint-plugin-regexp's analysis of its automaton); the fuzzed linear-time tests prove it for
    // the whole finders on 200,000-character inputs (tests/support/hostile-text.ts). A run is entered only
    // at its start, `(?<![…])[…]+`, where a pattern would otherwise retry it from each of its characters.
    files: ['lib/**/*.ts', 'extension/**/*.ts', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}', 'cli/**/*.ts'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    // Hooks exist only in the Preact code. Elsewhere `use…` names are test fixtures (`useChromium()` in the
    // end-to-end suites), which the hook rules would take for React hooks called at the top level.
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}', 'extension/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The PDF viewer landed with eleven effects whose dependency lists leave out callbacks on purpose (its
    // page, zoom and current match live in refs, so keys pressed faster than it re-renders each count).
    // Adding them blindly would re-run the effects on every render; each needs review, so until then they
    // warn here instead of failing the lint (issue 17's leftovers, see the closing note).
    files: ['components/pdf/**/*.{ts,tsx}'],
    rules: { 'react-hooks/exhaustive-deps': 'warn' },
  },
);
