/**
 * The entry points on a machine without the browsers: `npm test` (its pretest step,
 * scripts/ensure-browsers.ts) and `npm start` (scripts/start.ts). They run as child processes with a
 * PATH that holds only `node` and, where a case needs them, a fake `apt-get` and `sudo`, and with the
 * usual install places moved into an empty folder (GLOSS_BROWSER_ROOT), so the real browsers and the
 * real apt-get on this machine are never seen, let alone touched.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ENSURE = path.join(ROOT, 'scripts', 'ensure-browsers.ts');
const START = path.join(ROOT, 'scripts', 'start.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command in its own process group and kills the whole group if it outlives `timeoutMs`. */
function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, [...args], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Exactly one line on stderr, starting "gloss: ", and no stack frames anywhere. */
function expectOneLine(result: Run): string {
  expect(result.stderr.endsWith('\n')).toBe(true);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^gloss: /);
  expect(`${result.stdout}\n${result.stderr}`).not.toMatch(/^\s+at /m);
  return lines[0]!;
}

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A machine without browsers: a bin folder with node (and what `tools` adds), an empty root. */
function bareMachine(tools: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'gloss-bare-'));
  scratch.push(dir);
  const bin = path.join(dir, 'bin');
  const root = path.join(dir, 'root');
  mkdirSync(bin);
  mkdirSync(root);
  symlinkSync(process.execPath, path.join(bin, 'node'));
  for (const [name, source] of Object.entries(tools)) {
    writeFileSync(path.join(bin, name), `#!${process.execPath}\n${source}`);
    chmodSync(path.join(bin, name), 0o755);
  }
  const log = path.join(dir, 'apt.log');
  const env: NodeJS.ProcessEnv = { HOME: dir, PATH: bin, GLOSS_BROWSER_ROOT: root, FAKE_APT_LOG: log };
  return { env, root, log: () => (existsSync(log) ? readFileSync(log, 'utf8') : '') };
}

/** apt-get that logs its arguments; "installs" by writing executables where Debian's packages put them. */
const FAKE_APT_GET = `
const fs = require('node:fs');
const path = require('node:path');
const args = process.argv.slice(2);
fs.appendFileSync(process.env.FAKE_APT_LOG, JSON.stringify({ args, frontend: process.env.DEBIAN_FRONTEND ?? null }) + '\\n');
if (process.env.FAKE_APT_FAIL) {
  console.log('Reading package lists...');
  console.error('E: Unable to locate package chromium');
  process.exit(100);
}
const places = { chromium: '/usr/bin/chromium', 'firefox-esr': '/usr/bin/firefox-esr' };
if (args[0] === 'install') {
  for (const pkg of args.filter((a) => !a.startsWith('-')).slice(1)) {
    const file = path.join(process.env.GLOSS_BROWSER_ROOT, places[pkg]);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '#!/bin/sh\\n', { mode: 0o755 });
    console.log('Setting up ' + pkg + ' ...');
  }
}
`;

/** sudo that needs no password (used only when the tests do not run as root): runs the rest. */
const FAKE_SUDO = `
const { spawnSync } = require('node:child_process');
let args = process.argv.slice(2).filter((a) => a !== '-n');
if (args[0] === 'true') process.exit(0);
const env = { ...process.env };
if (args[0] === 'env') {
  args = args.slice(1);
  while (args[0] && /^[A-Z_]+=/.test(args[0])) { const [k, v] = args.shift().split('='); env[k] = v; }
}
process.exit(spawnSync(args[0], args.slice(1), { env, stdio: 'inherit' }).status ?? 1);
`;

const tsx = (script: string, ...args: string[]) => [process.execPath, ['--import', 'tsx', script, ...args]] as const;

describe('with CHROMIUM_PATH pointing nowhere', () => {
  const env = { ...process.env, CHROMIUM_PATH: '/nowhere/chromium' };
  const expected =
    'gloss: CHROMIUM_PATH is /nowhere/chromium, which is not an executable file; set it to a Chromium or Google Chrome executable, or unset it to use an installed Chromium.';

  it('npm test stops in its pretest step with one line, before type-checking or building', async () => {
    const result = await run('npm', ['test'], env, 60_000);
    expect(result.code).toBe(1);
    expect(expectOneLine(result)).toBe(expected);
    expect(result.stdout).toContain('> tsx scripts/ensure-browsers.ts');
    expect(result.stdout).not.toContain('tsc --noEmit');
  });

  it('npm start stops with one line, before building, even with Chromium installed elsewhere', async () => {
    const result = await run('npm', ['start'], env, 60_000);
    expect(result.code).toBe(1);
    expect(expectOneLine(result)).toBe(expected);
    expect(result.stdout).not.toContain('> wxt build');
  });

  it('the pretest step does not install or look elsewhere, even where it could', async () => {
    const machine = bareMachine({ 'apt-get': FAKE_APT_GET, sudo: FAKE_SUDO });
    const result = await run(...tsx(ENSURE), { ...machine.env, CHROMIUM_PATH: '/nowhere/chromium' }, 30_000);
    expect(result.code).toBe(1);
    expect(expectOneLine(result)).toBe(expected);
    expect(machine.log()).toBe('');
  });
});

describe('the pretest step without browsers', () => {
  it('installs both from Debian’s packages where apt-get is allowed, quietly and without asking', async () => {
    const machine = bareMachine({ 'apt-get': FAKE_APT_GET, sudo: FAKE_SUDO });
    const result = await run(...tsx(ENSURE), machine.env, 30_000);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("gloss: installing chromium firefox-esr from Debian's packages");
    expect(result.stdout).toContain('gloss: installed chromium firefox-esr.');
    expect(result.stdout).not.toContain('Setting up'); // apt's own output is kept for failures only
    const calls = machine
      .log()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(calls).toEqual([
      { args: ['update', '-qq'], frontend: 'noninteractive' },
      { args: ['install', '-y', '-qq', 'chromium', 'firefox-esr'], frontend: 'noninteractive' },
    ]);
    expect(existsSync(path.join(machine.root, 'usr/bin/chromium'))).toBe(true);
  });

  it('installs only the one missing', async () => {
    const machine = bareMachine({ 'apt-get': FAKE_APT_GET, sudo: FAKE_SUDO });
    const result = await run(...tsx(ENSURE), { ...machine.env, CHROMIUM_PATH: process.execPath }, 30_000);
    expect(result.code).toBe(0);
    expect(machine.log()).toContain('"install","-y","-qq","firefox-esr"]');
    expect(machine.log()).not.toContain('"chromium"');
  });

  it('says in one line what failed when apt-get fails', async () => {
    const machine = bareMachine({ 'apt-get': FAKE_APT_GET, sudo: FAKE_SUDO });
    const result = await run(...tsx(ENSURE), { ...machine.env, FAKE_APT_FAIL: '1' }, 30_000);
    expect(result.code).toBe(1);
    const line = expectOneLine(result);
    expect(line).toMatch(
      /^gloss: `apt-get install chromium firefox-esr` failed \(E: Unable to locate package chromium; full output in \S+\.log\); install chromium firefox-esr yourself, or set CHROMIUM_PATH and FIREFOX_PATH to their executables\.$/,
    );
    const logFile = /full output in (\S+\.log)/.exec(line)![1]!;
    expect(readFileSync(logFile, 'utf8')).toContain('E: Unable to locate package chromium');
    rmSync(logFile);
  });

  it('where installing is not allowed, says which packages to install or variables to set', async () => {
    const machine = bareMachine({ 'apt-get': FAKE_APT_GET, sudo: FAKE_SUDO });
    const result = await run(...tsx(ENSURE), { ...machine.env, GLOSS_NO_INSTALL: '1' }, 30_000);
    expect(result.code).toBe(1);
    expect(expectOneLine(result)).toBe(
      'gloss: Chromium and Firefox are not installed; run `sudo apt-get install chromium firefox-esr`, or set CHROMIUM_PATH and FIREFOX_PATH to their executables.',
    );
    expect(machine.log()).toBe('');
  });

  it('without apt-get (not Debian), says what to install', async () => {
    const machine = bareMachine();
    const result = await run(...tsx(ENSURE, 'firefox'), machine.env, 30_000);
    expect(result.code).toBe(1);
    expect(expectOneLine(result)).toBe('gloss: Firefox is not installed; install Firefox, or set FIREFOX_PATH to its executable.');
  });
});

describe('npm start without a browser it may install', () => {
  it('still builds both extensions and says how to load them by hand, exit code 0', async () => {
    const machine = bareMachine();
    const started = Date.now();
    const result = await run(...tsx(START), machine.env, 150_000);
    expect(result.code).toBe(0);
    expect(expectOneLine(result)).toBe(
      'gloss: Chromium is not installed; install Chromium (or Google Chrome), or set CHROMIUM_PATH to its executable.',
    );
    expect(result.stdout).toContain('> wxt build\n> wxt build -b firefox\n');
    expect(result.stdout).toContain('choose .output/chrome-mv3');
    expect(result.stdout).toContain('choose .output/firefox-mv2/manifest.json');
    for (const build of ['chrome-mv3', 'firefox-mv2']) {
      expect(statSync(path.join(ROOT, '.output', build, 'manifest.json')).mtimeMs).toBeGreaterThanOrEqual(started - 1000);
    }
  }, 160_000);
});
