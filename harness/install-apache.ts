/**
 * The sync tests and benchmark need Apache httpd with mod_dav (Debian's apache2 and apache2-utils, for
 * htpasswd). Like the browsers (install-browsers.ts), it is installed with apt-get where that is allowed
 * (root, or sudo without a password, and GLOSS_NO_INSTALL unset); otherwise one line says what to run.
 * Only the packages are installed: the tests start their own server from a config file of their own, and
 * Debian's default site is stopped again if installing it started one.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { findOnPath, isExecutableFile } from './find-browsers';
import { failureDetail, installCommands, planInstall } from './install-browsers';
import { apacheInstalled } from './webdav-server';

export const APACHE_PACKAGES = ['apache2', 'apache2-utils'] as const;

export type EnsureApacheResult = { ok: true; installed: boolean } | { ok: false; message: string };

export function ensureApache(env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = console.log): EnsureApacheResult {
  if (apacheInstalled()) return { ok: true, installed: false };
  const sudo = findOnPath('sudo', env.PATH, isExecutableFile, path.delimiter);
  const plan = planInstall({
    aptGet: findOnPath('apt-get', env.PATH, isExecutableFile, path.delimiter),
    uid: process.getuid?.() ?? -1,
    sudo,
    sudoWorks: () => spawnSync(sudo!, ['-n', 'true'], { stdio: 'ignore', env }).status === 0,
    disabled: Boolean(env.GLOSS_NO_INSTALL),
  });
  if (plan.kind === 'refuse') {
    return {
      ok: false,
      message: `gloss: Apache httpd (for the sync tests' WebDAV server) is not installed; run \`sudo apt-get install ${APACHE_PACKAGES.join(' ')}\`.`,
    };
  }
  log(`gloss: installing ${APACHE_PACKAGES.join(' ')} from Debian's packages for the sync tests' WebDAV server…`);
  for (const [command, ...args] of installCommands(plan, APACHE_PACKAGES)) {
    const run = spawnSync(command!, args, {
      env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error || run.status !== 0) {
      return {
        ok: false,
        message: `gloss: \`apt-get install ${APACHE_PACKAGES.join(' ')}\` failed (${failureDetail(`${run.stdout ?? ''}\n${run.stderr ?? ''}`, run.error?.message ?? `exit code ${run.status}`)}).`,
      };
    }
  }
  if (!apacheInstalled()) return { ok: false, message: 'gloss: apt-get installed apache2, but /usr/sbin/apache2 or htpasswd is missing.' };
  log(`gloss: installed ${APACHE_PACKAGES.join(' ')}.`);
  return { ok: true, installed: true };
}
