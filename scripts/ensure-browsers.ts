/**
 * `npm test`'s pretest step: makes sure Chromium and Firefox are there, installing Debian's packages
 * where allowed (see harness/install-browsers.ts). `tsx scripts/ensure-browsers.ts [chromium] [firefox]`
 * checks only those. Quiet when both are present; otherwise one line on stderr and exit code 1.
 * With no arguments (npm test) it also makes sure Apache httpd is there for the sync tests' WebDAV server
 * (harness/install-apache.ts), installed the same way.
 */
import type { BrowserName } from '../harness/find-browsers';
import { ensureApache } from '../harness/install-apache';
import { ensureBrowsers } from '../harness/install-browsers';

const KNOWN: readonly BrowserName[] = ['chromium', 'firefox'];
const asked = process.argv.slice(2);
const unknown = asked.find((arg) => !(KNOWN as readonly string[]).includes(arg));
if (unknown !== undefined) {
  console.error(`gloss: ensure-browsers takes chromium and/or firefox, not ${unknown}.`);
  process.exit(2);
}

const result = ensureBrowsers(asked.length ? (asked as BrowserName[]) : KNOWN);
if (!result.ok) {
  console.error(result.message);
  process.exit(1);
}

if (asked.length === 0) {
  const apache = ensureApache();
  if (!apache.ok) {
    console.error(apache.message);
    process.exit(1);
  }
}
