/**
 * Makes sure the browsers an entry point needs are there (`npm test`'s pretest step, `npm start`):
 * when one is missing, installs Debian's package with apt-get where that is allowed (as root, or through
 * sudo without a password); where it is not, says in one line what to install or which variable to set.
 * The decisions and the messages are pure functions; `ensureBrowsers` does the work.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BROWSERS, findOnPath, isExecutableFile, locateBrowser, type BrowserName, type BrowserSpec } from './find-browsers';

export type InstallPlan =
  | { kind: 'apt'; aptGet: string; sudo?: string }
  /** no-apt: not a Debian-like system; no-permission: neither root nor sudo without a password; disabled: GLOSS_NO_INSTALL. */
  | { kind: 'refuse'; reason: 'no-apt' | 'no-permission' | 'disabled' };

export interface PlanFacts {
  /** apt-get's path, when it is on PATH. */
  aptGet?: string;
  /** The user id; 0 is root. */
  uid: number;
  /** sudo's path, when it is on PATH. */
  sudo?: string;
  /** Whether `sudo -n true` succeeds; asked only when needed. */
  sudoWorks: () => boolean;
  /** GLOSS_NO_INSTALL is set: never install. */
  disabled: boolean;
}

export function planInstall(facts: PlanFacts): InstallPlan {
  if (facts.disabled) return { kind: 'refuse', reason: 'disabled' };
  if (!facts.aptGet) return { kind: 'refuse', reason: 'no-apt' };
  if (facts.uid === 0) return { kind: 'apt', aptGet: facts.aptGet };
  if (facts.sudo && facts.sudoWorks()) return { kind: 'apt', aptGet: facts.aptGet, sudo: facts.sudo };
  return { kind: 'refuse', reason: 'no-permission' };
}

/** The commands an apt plan runs, quiet (-qq) and never asking (-y, DEBIAN_FRONTEND through sudo too). */
export function installCommands(plan: Extract<InstallPlan, { kind: 'apt' }>, packages: readonly string[]): string[][] {
  const prefix = plan.sudo ? [plan.sudo, '-n', 'env', 'DEBIAN_FRONTEND=noninteractive', plan.aptGet] : [plan.aptGet];
  return [
    [...prefix, 'update', '-qq'],
    [...prefix, 'install', '-y', '-qq', ...packages],
  ];
}

function both<T>(items: readonly T[], word: (item: T) => string): string {
  return items.map(word).join(' and ');
}

function variables(specs: readonly BrowserSpec[]): string {
  return `set ${both(specs, (spec) => spec.variable)} to ${specs.length === 1 ? 'its executable' : 'their executables'}`;
}

export function badVariableMessage(name: BrowserName, value: string): string {
  const spec = BROWSERS[name];
  const what = name === 'chromium' ? 'a Chromium or Google Chrome executable' : 'a Firefox executable';
  return `gloss: ${spec.variable} is ${value}, which is not an executable file; set it to ${what}, or unset it to use an installed ${spec.label}.`;
}

/** One line: which browsers are missing, and what the user can do about it. */
export function missingMessage(names: readonly BrowserName[], reason: Extract<InstallPlan, { kind: 'refuse' }>['reason']): string {
  const specs = names.map((name) => BROWSERS[name]);
  const subject = `${both(specs, (spec) => spec.label)} ${specs.length === 1 ? 'is' : 'are'} not installed`;
  if (reason === 'no-apt') {
    const install = both(specs, (spec) => (spec.name === 'chromium' ? 'Chromium (or Google Chrome)' : 'Firefox'));
    return `gloss: ${subject}; install ${install}, or ${variables(specs)}.`;
  }
  const command = `sudo apt-get install ${specs.map((spec) => spec.debianPackage).join(' ')}`;
  return `gloss: ${subject}; run \`${command}\`, or ${variables(specs)}.`;
}

export function installFailedMessage(names: readonly BrowserName[], detail: string, logFile: string): string {
  const specs = names.map((name) => BROWSERS[name]);
  const packages = specs.map((spec) => spec.debianPackage).join(' ');
  return `gloss: \`apt-get install ${packages}\` failed (${detail}; full output in ${logFile}); install ${packages} yourself, or ${variables(specs)}.`;
}

export function notFoundAfterInstallMessage(name: BrowserName): string {
  const spec = BROWSERS[name];
  return `gloss: apt-get installed ${spec.debianPackage}, but no ${spec.label} executable was found; set ${spec.variable} to it.`;
}

/** The last line of a failed command's output worth quoting (apt's "E: …" when there is one). */
export function failureDetail(output: string, fallback: string): string {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const line = [...lines].reverse().find((l) => l.startsWith('E:')) ?? lines.at(-1);
  return line ? line.replace(/\s+/g, ' ').slice(0, 200) : fallback;
}

export type EnsureResult =
  | { ok: true; paths: Partial<Record<BrowserName, string>>; installed: string[] }
  /** fatal: a variable names nothing, which building anyway would not mend. */
  | { ok: false; fatal: boolean; message: string; missing: BrowserName[] };

export interface EnsureOptions {
  env?: NodeJS.ProcessEnv;
  /** Progress lines (installing…, installed). */
  log?: (line: string) => void;
}

/** Finds `names`, installing the missing ones where allowed. Never throws for a missing browser. */
export function ensureBrowsers(names: readonly BrowserName[], options: EnsureOptions = {}): EnsureResult {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const paths: Partial<Record<BrowserName, string>> = {};
  const missing: BrowserName[] = [];
  for (const name of names) {
    const lookup = locateBrowser(name, env);
    if (lookup.kind === 'bad-variable') return { ok: false, fatal: true, message: badVariableMessage(name, lookup.value), missing: [name] };
    if (lookup.kind === 'found') paths[name] = lookup.path;
    else missing.push(name);
  }
  if (missing.length === 0) return { ok: true, paths, installed: [] };

  const sudo = findOnPath('sudo', env.PATH, isExecutableFile, path.delimiter);
  const plan = planInstall({
    aptGet: findOnPath('apt-get', env.PATH, isExecutableFile, path.delimiter),
    uid: process.getuid?.() ?? -1,
    sudo,
    sudoWorks: () => spawnSync(sudo!, ['-n', 'true'], { stdio: 'ignore', env }).status === 0,
    disabled: Boolean(env.GLOSS_NO_INSTALL),
  });
  if (plan.kind === 'refuse') return { ok: false, fatal: false, message: missingMessage(missing, plan.reason), missing };

  const packages = missing.map((name) => BROWSERS[name].debianPackage);
  log(
    `gloss: installing ${packages.join(' ')} from Debian's packages (apt-get${plan.sudo ? ' through sudo' : ''}); this takes a minute or two…`,
  );
  let transcript = '';
  for (const [command, ...args] of installCommands(plan, packages)) {
    const run = spawnSync(command!, args, {
      env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    transcript += `$ ${[command, ...args].join(' ')}\n${run.stdout ?? ''}${run.stderr ?? ''}`;
    if (run.error || run.status !== 0) {
      const logFile = path.join(tmpdir(), `gloss-apt-get-${process.pid}.log`);
      writeFileSync(logFile, transcript);
      const fallback = run.error ? run.error.message : `exit code ${run.status ?? run.signal}`;
      return {
        ok: false,
        fatal: false,
        message: installFailedMessage(missing, failureDetail(`${run.stdout ?? ''}\n${run.stderr ?? ''}`, fallback), logFile),
        missing,
      };
    }
  }
  for (const name of missing) {
    const lookup = locateBrowser(name, env);
    if (lookup.kind !== 'found') return { ok: false, fatal: false, message: notFoundAfterInstallMessage(name), missing: [name] };
    paths[name] = lookup.path;
  }
  log(`gloss: installed ${packages.join(' ')}.`);
  return { ok: true, paths, installed: packages };
}
