import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserPath } from './find-browsers';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES_DIR = path.join(PROJECT_ROOT, 'tests', 'fixtures');
export const CHROME_BUILD = path.join(PROJECT_ROOT, '.output', 'chrome-mv3');
export const FIREFOX_BUILD = path.join(PROJECT_ROOT, '.output', 'firefox-mv2');
export const FIREFOX_E2E_BUILD = path.join(PROJECT_ROOT, '.output', 'firefox-mv2-e2e');
// CHROMIUM_PATH / FIREFOX_PATH when set, else the browser found on PATH or at its usual place, else where
// Debian's package installs it (see harness/find-browsers.ts; npm test's pretest step installs it there).
export const CHROMIUM_PATH = browserPath('chromium');
export const FIREFOX_PATH = browserPath('firefox');
