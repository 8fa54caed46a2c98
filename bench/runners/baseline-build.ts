/**
 * A production Chrome build of Gloss as it was at an earlier commit, for benchmarks that compare against
 * it in the same run: checked out in a git worktree under the system's temporary folder (sharing this
 * checkout's node_modules) and built once; later runs reuse it.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../harness/paths';

function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} failed:\n${output}`))));
  });
}

/** A checkout of `ref` in a git worktree (sharing this checkout's node_modules); and the commit it is. */
export async function baselineCheckout(ref: string): Promise<{ tree: string; commit: string }> {
  const commit = (await run('git', ['rev-parse', '--verify', `${ref}^{commit}`], PROJECT_ROOT)).trim();
  // One folder per checkout of the project: several checkouts on one machine must not share a baseline
  // (its node_modules link and its git worktree entry belong to the checkout that made it).
  const owner = createHash('sha256').update(PROJECT_ROOT).digest('hex').slice(0, 8);
  const tree = path.join(os.tmpdir(), `gloss-baseline-${commit.slice(0, 12)}-${owner}`);
  if (!existsSync(tree)) await run('git', ['worktree', 'add', '--detach', tree, commit], PROJECT_ROOT);
  if (!existsSync(path.join(tree, 'node_modules')))
    symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(tree, 'node_modules'), 'dir');
  return { tree, commit };
}

/** The builds a baseline can be: Chrome's production build, or Firefox's e2e build (the tests' hooks, for BiDi). */
const BUILDS = {
  chrome: { folder: 'chrome-mv3', args: ['wxt', 'build'] },
  'firefox-e2e': { folder: 'firefox-mv2-e2e', args: ['wxt', 'build', '-b', 'firefox', '--mode', 'e2e'] },
} as const;

/** The folder of a build at `ref` (Chrome's by default), building it first if needed; and the commit it is. */
export async function baselineBuild(ref: string, build: keyof typeof BUILDS = 'chrome'): Promise<{ dir: string; commit: string }> {
  const { tree, commit } = await baselineCheckout(ref);
  const { folder, args } = BUILDS[build];
  const dir = path.join(tree, '.output', folder);
  if (existsSync(path.join(dir, 'manifest.json'))) return { dir, commit };
  console.error(`building the baseline ${commit.slice(0, 12)} in ${tree} (npx ${args.join(' ')})…`);
  await run('npx', [...args], tree);
  return { dir, commit };
}

export const baselineChromeBuild = (ref: string) => baselineBuild(ref, 'chrome');
