import { FIREFOX_BUILD } from '../harness/paths';
import { describeLintMessage, lintFirefoxPackage } from './store/firefox-lint';

// npm run lint:firefox: Mozilla's add-on linter on the built Firefox package (.output/firefox-mv2, made by
// `npm run build`). Fails on any error, notice or warning except the bundled libraries' few listed in
// scripts/store/known-lint-warnings.ts, and when that list names a warning the linter no longer gives.
let report;
try {
  report = await lintFirefoxPackage(FIREFOX_BUILD);
} catch (error) {
  console.error(`gloss: ${(error as Error).message}`);
  process.exit(1);
}
const { errors, notices, known, unexplained, unseen } = report;
console.log(
  `web-ext lint on .output/firefox-mv2: ${errors.length} errors, ${notices.length} notices, ` +
    `${unexplained.length} warnings of Gloss's own, ${known.length} from bundled libraries (README, "Store packages").`,
);
for (const { warning, known: entry } of known) console.log(`  known: ${describeLintMessage(warning)} (${entry.library})`);
for (const message of [...errors, ...notices, ...unexplained]) console.error(`  ${describeLintMessage(message)}`);
for (const entry of unseen) console.error(`  no longer reported, take it out of scripts/store/known-lint-warnings.ts: ${entry.library}`);
if (errors.length + notices.length + unexplained.length + unseen.length > 0) process.exit(1);
