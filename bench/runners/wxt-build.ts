/**
 * The built extension the content-script benchmarks need, rebuilt with `npx wxt build` only when it is
 * missing or older than the sources it is made from (or when asked to), so the figures never describe
 * stale code and a bench run does not rewrite .output under a test run for nothing.
 */
import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../../harness/paths';

/** What goes into the Chrome build. */
const SOURCES = ['entrypoints', 'extension', 'lib', 'components', 'assets', 'public', 'data', 'wxt.config.ts', 'package.json'];

/** The newest modification time under `target` (a file or a folder), or 0 when it does not exist. */
async function newestMtime(target: string): Promise<number> {
  const info = await stat(target).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(target);
  const times = await Promise.all(entries.map((entry) => newestMtime(path.join(target, entry))));
  return Math.max(info.mtimeMs, ...times);
}

/** The Chrome build folder for a WXT mode: production has no suffix, other modes do (chrome-mv3-bench). */
export function chromeBuildDir(mode: string): string {
  return path.join(PROJECT_ROOT, '.output', mode === 'production' ? 'chrome-mv3' : `chrome-mv3-${mode}`);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed:\n${output}`))));
  });
}

/**
 * Makes sure the Chrome build for `mode` exists and is newer than every source, building it if not;
 * returns its folder and whether it was built now.
 */
export async function ensureChromeBuild(mode: string, force = false): Promise<{ dir: string; built: boolean }> {
  const dir = chromeBuildDir(mode);
  const built = await newestMtime(path.join(dir, 'content-scripts', 'highlights.js'));
  const sources = Math.max(...(await Promise.all(SOURCES.map((source) => newestMtime(path.join(PROJECT_ROOT, source))))));
  if (!force && built > 0 && built >= sources) return { dir, built: false };
  console.error(`building ${path.relative(PROJECT_ROOT, dir)} (npx wxt build${mode === 'production' ? '' : ` --mode ${mode}`})…`);
  await run('npx', mode === 'production' ? ['wxt', 'build'] : ['wxt', 'build', '--mode', mode]);
  return { dir, built: true };
}
