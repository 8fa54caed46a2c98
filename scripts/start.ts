import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startFixtureServer } from '../harness/fixture-server';
import { FIXTURES_DIR, PROJECT_ROOT } from '../harness/paths';
import { runChromiumDemo } from './start/chromium-demo';
import { runFirefoxDemo } from './start/firefox-demo';

// npm start [-- --firefox] [-- --headless]: build Gloss, serve the sample article, open it in a browser.
const { values } = parseArgs({
  options: { firefox: { type: 'boolean', default: false }, headless: { type: 'boolean', default: false } },
});
const headed = !values.headless && Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

function build(args: string[]): void {
  console.log(`> wxt build ${args.join(' ')}`.trim());
  const result = spawnSync(path.join(PROJECT_ROOT, 'node_modules', '.bin', 'wxt'), ['build', ...args], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error('the extension did not build; run `npx wxt build` to see why');
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
