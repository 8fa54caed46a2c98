import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startFixtureServer } from '../harness/fixture-server';
import { ensureBrowsers } from '../harness/install-browsers';
import { CHROME_BUILD, FIREFOX_BUILD, FIXTURES_DIR, PROJECT_ROOT } from '../harness/paths';
import { runChromiumDemo } from './start/chromium-demo';
import { runFirefoxDemo } from './start/firefox-demo';

// npm start [-- --firefox] [-- --headless]: build Gloss, serve the sample article, open it in a browser.
// The browser it needs (Chromium, or Firefox with --firefox) is installed first where allowed. Where it
// cannot be, Gloss is still built and the way to load it by hand is printed (exit code 0); a
// CHROMIUM_PATH or FIREFOX_PATH naming nothing is an error (exit code 1). npm gives a prestart step
// none of the arguments after `--`, so this check lives here rather than in package.json.
let values: { firefox: boolean; headless: boolean };
try {
  ({ values } = parseArgs({
    options: { firefox: { type: 'boolean', default: false }, headless: { type: 'boolean', default: false } },
  }));
} catch (error) {
  console.error(`gloss: ${(error as Error).message}; npm start takes --firefox and --headless.`);
  process.exit(2);
}
const headed = !values.headless && Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

function build(args: string[]): void {
  console.log(`> wxt build ${args.join(' ')}`.trim());
  const result = spawnSync(path.join(PROJECT_ROOT, 'node_modules', '.bin', 'wxt'), ['build', ...args], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    const last = `${result.stderr ?? ''}`.trim().split('\n').at(-1)?.trim() || result.error?.message || `exit code ${result.status}`;
    console.error(`gloss: the extension did not build (${last}); run \`${['npx wxt build', ...args].join(' ')}\` to see why.`);
    process.exit(1);
  }
}

const browsers = ensureBrowsers([values.firefox ? 'firefox' : 'chromium']);
if (!browsers.ok) {
  console.error(browsers.message);
  if (browsers.fatal) process.exit(1);
  build([]);
  build(['-b', 'firefox']);
  const shown = (dir: string) => path.relative(process.cwd(), dir) || dir;
  console.log('\nGloss is built, but no browser can be opened here. Load it by hand (README, "Load the extension yourself"):');
  console.log(
    `- Chrome or Chromium: open chrome://extensions, turn on Developer mode, click "Load unpacked" and choose ${shown(CHROME_BUILD)}`,
  );
  console.log(
    `- Firefox: open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on…" and choose ${shown(path.join(FIREFOX_BUILD, 'manifest.json'))}`,
  );
  process.exit(0);
}

if (values.firefox) build(headed ? ['-b', 'firefox'] : ['-b', 'firefox', '--mode', 'e2e']);
else build([]);

const server = await startFixtureServer(FIXTURES_DIR);
const sampleUrl = server.url('storm-1152.html');
console.log(`Serving the sample article at ${sampleUrl}`);
if (!headed) console.log('No display found: running headless and writing demo-output/.');
try {
  await (values.firefox ? runFirefoxDemo(sampleUrl, headed) : runChromiumDemo(sampleUrl, headed));
} finally {
  await server.close();
}
