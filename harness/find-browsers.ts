/**
 * Finds the browsers the demo and the tests drive: Chromium (or Google Chrome) and Firefox (ESR or not).
 * CHROMIUM_PATH and FIREFOX_PATH win; a variable that is set but names no executable is an error, never
 * a reason to look elsewhere. Otherwise the commands on PATH, then the usual install places (Debian and
 * Ubuntu packages, snaps, macOS application bundles). `findBrowser` is pure: the file system comes in
 * through `isExecutable`.
 */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

export type BrowserName = 'chromium' | 'firefox';

export interface BrowserSpec {
  name: BrowserName;
  /** As people call it in a sentence. */
  label: string;
  /** The variable that names its executable. */
  variable: 'CHROMIUM_PATH' | 'FIREFOX_PATH';
  /** Commands looked up on PATH, in order of preference. */
  commands: readonly string[];
  /** Absolute places tried after PATH. */
  wellKnown: readonly string[];
  /** The Debian package that provides it. */
  debianPackage: string;
}

export const BROWSERS: Readonly<Record<BrowserName, BrowserSpec>> = {
  chromium: {
    name: 'chromium',
    label: 'Chromium',
    variable: 'CHROMIUM_PATH',
    commands: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'],
    wellKnown: [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/snap/bin/chromium',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ],
    debianPackage: 'chromium',
  },
  firefox: {
    name: 'firefox',
    label: 'Firefox',
    variable: 'FIREFOX_PATH',
    commands: ['firefox-esr', 'firefox'],
    wellKnown: ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/snap/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'],
    debianPackage: 'firefox-esr',
  },
};

/** Where Debian's package puts each browser: what the harness falls back to when none is found. */
export const DEBIAN_PATHS: Readonly<Record<BrowserName, string>> = {
  chromium: '/usr/bin/chromium',
  firefox: '/usr/bin/firefox-esr',
};

export type BrowserLookup =
  | { kind: 'found'; path: string; via: 'variable' | 'PATH' | 'well-known' }
  /** The variable is set, but what it names is not an executable file. */
  | { kind: 'bad-variable'; variable: string; value: string }
  | { kind: 'missing' };

export interface FindOptions {
  env: Readonly<Record<string, string | undefined>>;
  isExecutable: (file: string) => boolean;
  /** Prefix for the well-known absolute places; tests point it at an empty folder. */
  root?: string;
  /** PATH's separator; ':' unless given. */
  delimiter?: string;
}

/** The first `command` on the PATH value that is an executable file. */
export function findOnPath(
  command: string,
  pathValue: string | undefined,
  isExecutable: (file: string) => boolean,
  delimiter = ':',
): string | undefined {
  for (const dir of (pathValue ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

export function findBrowser(name: BrowserName, options: FindOptions): BrowserLookup {
  const spec = BROWSERS[name];
  const { env, isExecutable } = options;
  const value = env[spec.variable];
  if (value) {
    // A bare command name ("chromium") is looked up on PATH, as a shell would.
    const resolved = value.includes('/')
      ? isExecutable(value)
        ? value
        : undefined
      : findOnPath(value, env.PATH, isExecutable, options.delimiter);
    return resolved ? { kind: 'found', path: resolved, via: 'variable' } : { kind: 'bad-variable', variable: spec.variable, value };
  }
  for (const command of spec.commands) {
    const found = findOnPath(command, env.PATH, isExecutable, options.delimiter);
    if (found) return { kind: 'found', path: found, via: 'PATH' };
  }
  for (const place of spec.wellKnown) {
    const candidate = options.root ? path.join(options.root, place) : place;
    if (isExecutable(candidate)) return { kind: 'found', path: candidate, via: 'well-known' };
  }
  return { kind: 'missing' };
}

/** True for an executable regular file (following symbolic links, as snaps' are). */
export function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * `findBrowser` on this machine. GLOSS_BROWSER_ROOT, for tests only, moves the well-known places under
 * another folder so that a test can see a machine without browsers.
 */
export function locateBrowser(name: BrowserName, env: NodeJS.ProcessEnv = process.env): BrowserLookup {
  return findBrowser(name, { env, isExecutable: isExecutableFile, root: env.GLOSS_BROWSER_ROOT || undefined, delimiter: path.delimiter });
}

/**
 * The executable the harness launches: the one found, else what the variable says (so a wrong
 * variable fails loudly rather than falling back), else where Debian's package installs it.
 */
export function browserPath(name: BrowserName, env: NodeJS.ProcessEnv = process.env): string {
  const lookup = locateBrowser(name, env);
  if (lookup.kind === 'found') return lookup.path;
  if (lookup.kind === 'bad-variable') return lookup.value;
  return DEBIAN_PATHS[name];
}
