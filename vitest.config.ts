import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** The tests that build the extension's packages into .output or read them there. */
const PACKAGE_TESTS = ['tests/cli/browsers.test.ts', 'tests/cli/store-package.test.ts'];

export default defineConfig({
  plugins: [WxtVitest()],
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/cli/**/*.test.ts'],
          exclude: PACKAGE_TESTS,
          environment: 'node',
          setupFiles: ['tests/support/preact-teardown.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          // `npm start` without a browser rebuilds .output/chrome-mv3 and .output/firefox-mv2 (browsers.test.ts),
          // which the package checks read (store-package.test.ts): run in parallel, a check could read a file
          // the build is rewriting. One file at a time, beside the unit tests.
          name: 'packages',
          include: PACKAGE_TESTS,
          environment: 'node',
          testTimeout: 30_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          // A poll waits on a condition in a real browser: give it as long as the other waits (vitest's
          // default, one second, is less than a loaded machine may take to repaint), never a fixed sleep.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
