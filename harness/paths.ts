import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES_DIR = path.join(PROJECT_ROOT, 'tests', 'fixtures');
export const CHROME_BUILD = path.join(PROJECT_ROOT, '.output', 'chrome-mv3');
export const FIREFOX_BUILD = path.join(PROJECT_ROOT, '.output', 'firefox-mv2');
export const FIREFOX_E2E_BUILD = path.join(PROJECT_ROOT, '.output', 'firefox-mv2-e2e');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
