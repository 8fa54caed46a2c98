import { describe, expect, it } from 'vitest';
import { BROWSERS, findBrowser, findOnPath, type BrowserName } from '../../../harness/find-browsers';
import {
  badVariableMessage,
  failureDetail,
  installCommands,
  installFailedMessage,
  missingMessage,
  planInstall,
  type PlanFacts,
} from '../../../harness/install-browsers';

/** A machine whose executable files are exactly `files`. */
function machine(files: string[], env: Record<string, string | undefined> = {}) {
  const set = new Set(files);
  return (name: BrowserName, root?: string) => findBrowser(name, { env, isExecutable: (file) => set.has(file), root });
}

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH and FIREFOX_PATH first, over PATH and the usual places', () => {
    const find = machine(['/opt/chrome/chrome', '/usr/bin/chromium', '/home/me/ff/firefox', '/usr/bin/firefox-esr'], {
      PATH: '/usr/bin',
      CHROMIUM_PATH: '/opt/chrome/chrome',
      FIREFOX_PATH: '/home/me/ff/firefox',
    });
    expect(find('chromium')).toEqual({ kind: 'found', path: '/opt/chrome/chrome', via: 'variable' });
    expect(find('firefox')).toEqual({ kind: 'found', path: '/home/me/ff/firefox', via: 'variable' });
  });

  it('reports a variable that names no executable instead of falling back to an installed browser', () => {
    const find = machine(['/usr/bin/chromium', '/usr/bin/firefox-esr'], {
      PATH: '/usr/bin',
      CHROMIUM_PATH: '/nowhere/chromium',
      FIREFOX_PATH: '/usr/bin',
    });
    expect(find('chromium')).toEqual({ kind: 'bad-variable', variable: 'CHROMIUM_PATH', value: '/nowhere/chromium' });
    expect(find('firefox')).toEqual({ kind: 'bad-variable', variable: 'FIREFOX_PATH', value: '/usr/bin' });
  });

  it('looks a variable without a slash up on PATH, and treats an empty one as unset', () => {
    expect(
      machine(['/usr/local/bin/google-chrome'], { PATH: '/usr/bin:/usr/local/bin', CHROMIUM_PATH: 'google-chrome' })('chromium'),
    ).toEqual({ kind: 'found', path: '/usr/local/bin/google-chrome', via: 'variable' });
    expect(machine([], { PATH: '/usr/bin', CHROMIUM_PATH: 'chromium' })('chromium')).toEqual({
      kind: 'bad-variable',
      variable: 'CHROMIUM_PATH',
      value: 'chromium',
    });
    expect(machine(['/usr/bin/chromium'], { PATH: '/usr/bin', CHROMIUM_PATH: '' })('chromium')).toEqual({
      kind: 'found',
      path: '/usr/bin/chromium',
      via: 'PATH',
    });
  });

  it('prefers the commands in order: chromium, chromium-browser, google-chrome, google-chrome-stable', () => {
    const all = ['/a/chromium-browser', '/b/google-chrome', '/c/google-chrome-stable'];
    expect(machine(all, { PATH: '/c:/b:/a' })('chromium')).toMatchObject({ path: '/a/chromium-browser', via: 'PATH' });
    expect(machine(all.slice(1), { PATH: '/c:/b:/a' })('chromium')).toMatchObject({ path: '/b/google-chrome' });
    expect(machine(all.slice(2), { PATH: '/c:/b:/a' })('chromium')).toMatchObject({ path: '/c/google-chrome-stable' });
    // Among directories, PATH order decides for one command.
    expect(machine(['/x/chromium', '/y/chromium'], { PATH: '/y::/x' })('chromium')).toMatchObject({ path: '/y/chromium' });
  });

  it('prefers firefox-esr to firefox on PATH', () => {
    expect(machine(['/usr/bin/firefox', '/usr/local/bin/firefox-esr'], { PATH: '/usr/bin:/usr/local/bin' })('firefox')).toEqual({
      kind: 'found',
      path: '/usr/local/bin/firefox-esr',
      via: 'PATH',
    });
  });

  it('finds snaps and macOS application bundles when PATH has nothing', () => {
    expect(machine(['/snap/bin/chromium'], { PATH: '/usr/bin' })('chromium')).toEqual({
      kind: 'found',
      path: '/snap/bin/chromium',
      via: 'well-known',
    });
    expect(machine(['/snap/bin/firefox'], {})('firefox')).toEqual({ kind: 'found', path: '/snap/bin/firefox', via: 'well-known' });
    expect(machine(['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'], { PATH: '/usr/bin' })('chromium')).toMatchObject({
      path: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    });
    expect(
      machine(['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'])(
        'chromium',
      ),
    ).toMatchObject({ path: '/Applications/Chromium.app/Contents/MacOS/Chromium' });
    expect(machine(['/Applications/Firefox.app/Contents/MacOS/firefox'])('firefox')).toMatchObject({
      path: '/Applications/Firefox.app/Contents/MacOS/firefox',
      via: 'well-known',
    });
  });

  it('finds Debian’s and Ubuntu’s /usr/bin paths even with an empty PATH', () => {
    expect(machine(['/usr/bin/chromium-browser'], { PATH: '' })('chromium')).toMatchObject({ path: '/usr/bin/chromium-browser' });
    expect(machine(['/usr/bin/firefox-esr'])('firefox')).toMatchObject({ path: '/usr/bin/firefox-esr', via: 'well-known' });
  });

  it('moves the usual places under root, and says missing when nothing is anywhere', () => {
    expect(machine(['/usr/bin/chromium'])('chromium', '/tmp/empty')).toEqual({ kind: 'missing' });
    expect(machine(['/tmp/fake/usr/bin/chromium'])('chromium', '/tmp/fake')).toEqual({
      kind: 'found',
      path: '/tmp/fake/usr/bin/chromium',
      via: 'well-known',
    });
    expect(machine([], { PATH: '/usr/bin:/bin' })('firefox')).toEqual({ kind: 'missing' });
  });

  it('findOnPath skips empty entries and non-executables', () => {
    expect(findOnPath('apt-get', ':/usr/sbin::/usr/bin', (file) => file === '/usr/bin/apt-get')).toBe('/usr/bin/apt-get');
    expect(findOnPath('apt-get', undefined, () => true)).toBeUndefined();
  });
});

describe('planInstall', () => {
  const facts = (over: Partial<PlanFacts>): PlanFacts => ({
    aptGet: '/usr/bin/apt-get',
    uid: 1000,
    sudo: '/usr/bin/sudo',
    sudoWorks: () => true,
    disabled: false,
    ...over,
  });

  it('installs directly as root, without asking sudo', () => {
    const plan = planInstall(
      facts({
        uid: 0,
        sudoWorks: () => {
          throw new Error('sudo must not be asked');
        },
      }),
    );
    expect(plan).toEqual({ kind: 'apt', aptGet: '/usr/bin/apt-get' });
  });

  it('installs through sudo when it needs no password', () => {
    expect(planInstall(facts({}))).toEqual({ kind: 'apt', aptGet: '/usr/bin/apt-get', sudo: '/usr/bin/sudo' });
  });

  it('refuses without permission, without apt-get, and when GLOSS_NO_INSTALL is set', () => {
    expect(planInstall(facts({ sudoWorks: () => false }))).toEqual({ kind: 'refuse', reason: 'no-permission' });
    expect(planInstall(facts({ sudo: undefined }))).toEqual({ kind: 'refuse', reason: 'no-permission' });
    expect(planInstall(facts({ aptGet: undefined, uid: 0 }))).toEqual({ kind: 'refuse', reason: 'no-apt' });
    expect(planInstall(facts({ uid: 0, disabled: true }))).toEqual({ kind: 'refuse', reason: 'disabled' });
  });

  it('runs apt-get update, then a quiet install that never asks, through sudo too', () => {
    expect(installCommands({ kind: 'apt', aptGet: '/usr/bin/apt-get' }, ['chromium', 'firefox-esr'])).toEqual([
      ['/usr/bin/apt-get', 'update', '-qq'],
      ['/usr/bin/apt-get', 'install', '-y', '-qq', 'chromium', 'firefox-esr'],
    ]);
    expect(installCommands({ kind: 'apt', aptGet: '/usr/bin/apt-get', sudo: '/usr/bin/sudo' }, ['firefox-esr'])[1]).toEqual([
      '/usr/bin/sudo',
      '-n',
      'env',
      'DEBIAN_FRONTEND=noninteractive',
      '/usr/bin/apt-get',
      'install',
      '-y',
      '-qq',
      'firefox-esr',
    ]);
  });
});

describe('messages', () => {
  const oneLine = (message: string) => {
    expect(message).not.toContain('\n');
    expect(message.startsWith('gloss: ')).toBe(true);
  };

  it('says what to install, or which variables to set', () => {
    const debian = missingMessage(['chromium', 'firefox'], 'no-permission');
    oneLine(debian);
    expect(debian).toBe(
      'gloss: Chromium and Firefox are not installed; run `sudo apt-get install chromium firefox-esr`, or set CHROMIUM_PATH and FIREFOX_PATH to their executables.',
    );
    expect(missingMessage(['firefox'], 'disabled')).toBe(
      'gloss: Firefox is not installed; run `sudo apt-get install firefox-esr`, or set FIREFOX_PATH to its executable.',
    );
    const elsewhere = missingMessage(['chromium'], 'no-apt');
    oneLine(elsewhere);
    expect(elsewhere).toBe(
      'gloss: Chromium is not installed; install Chromium (or Google Chrome), or set CHROMIUM_PATH to its executable.',
    );
  });

  it('names the variable and its value when it points nowhere', () => {
    const message = badVariableMessage('chromium', '/nowhere/chromium');
    oneLine(message);
    expect(message).toContain('CHROMIUM_PATH is /nowhere/chromium');
    expect(badVariableMessage('firefox', '/x')).toContain('FIREFOX_PATH is /x');
  });

  it('quotes apt’s error line when an install fails', () => {
    const output = 'Reading package lists...\nE: Unable to locate package chromium\n';
    expect(failureDetail(output, 'exit code 100')).toBe('E: Unable to locate package chromium');
    expect(failureDetail('last words\n\n', 'x')).toBe('last words');
    expect(failureDetail('', 'exit code 100')).toBe('exit code 100');
    const message = installFailedMessage(['chromium', 'firefox'], 'E: Unable to locate package chromium', '/tmp/log');
    oneLine(message);
    expect(message).toBe(
      'gloss: `apt-get install chromium firefox-esr` failed (E: Unable to locate package chromium; full output in /tmp/log); install chromium firefox-esr yourself, or set CHROMIUM_PATH and FIREFOX_PATH to their executables.',
    );
  });

  it('knows each browser’s Debian package and variable', () => {
    expect(BROWSERS.chromium).toMatchObject({ debianPackage: 'chromium', variable: 'CHROMIUM_PATH' });
    expect(BROWSERS.firefox).toMatchObject({ debianPackage: 'firefox-esr', variable: 'FIREFOX_PATH' });
  });
});
