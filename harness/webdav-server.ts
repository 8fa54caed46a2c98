/**
 * A real WebDAV server for the sync tests and benchmark: Debian's Apache httpd with mod_dav and basic
 * auth, on 127.0.0.1 at a free port, from one config file in a temporary folder (the recipe in
 * shared/docs/webdav-testing.md). `npm test`'s pretest step installs apache2 when missing
 * (harness/install-apache.ts). Stop it with `stop()` in the test's teardown.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const APACHE = '/usr/sbin/apache2';
export const HTPASSWD = '/usr/bin/htpasswd';
const MODULES = '/usr/lib/apache2/modules';

export interface WebdavServer {
  /** The root folder's address, ending in "/". */
  url: string;
  user: string;
  password: string;
  /** The folder the server keeps its files in (to look at what it holds). */
  dataDir: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function apacheInstalled(): boolean {
  return existsSync(APACHE) && existsSync(HTPASSWD);
}

async function waitForServer(url: string, auth: string, pidFile: string, errorLog: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const response = await fetch(url, { method: 'PROPFIND', headers: { Authorization: auth, Depth: '0' } });
      if (response.status === 207) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      const log = existsSync(errorLog) ? readFileSync(errorLog, 'utf8').slice(-2000) : '';
      throw new Error(`Apache did not start (pid file ${existsSync(pidFile) ? 'present' : 'missing'}): ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startWebdavServer(options: { user?: string; password?: string } = {}): Promise<WebdavServer> {
  if (!apacheInstalled())
    throw new Error('Apache httpd is not installed: run `apt-get install apache2 apache2-utils` (npm test does when allowed).');
  const user = options.user ?? 'reader';
  const password = options.password ?? 'correct horse';
  const dir = mkdtempSync(path.join(tmpdir(), 'gloss-webdav-'));
  const port = await freePort();
  const data = path.join(dir, 'data');
  for (const sub of ['data', 'run', 'lock']) execFileSync('mkdir', ['-p', path.join(dir, sub)]);
  execFileSync(HTPASSWD, ['-bc', path.join(dir, 'users'), user, password], { stdio: 'ignore' });
  const modules = ['mpm_event', 'authn_core', 'authn_file', 'authz_core', 'authz_user', 'auth_basic', 'dav', 'dav_fs'];
  const asRoot = process.getuid?.() === 0;
  const config = [
    `ServerRoot "${dir}"`,
    'ServerName 127.0.0.1',
    `Listen 127.0.0.1:${port}`,
    `PidFile ${dir}/run/httpd.pid`,
    `ErrorLog ${dir}/error.log`,
    ...modules.map((name) => `LoadModule ${name}_module ${MODULES}/mod_${name}.so`),
    `DAVLockDB ${dir}/lock/DAVLock`,
    // Apache refuses to serve as root: as root it runs its workers as www-data, who owns the data.
    ...(asRoot ? ['User www-data', 'Group www-data'] : []),
    `DocumentRoot ${data}`,
    `<Directory ${data}>`,
    '  Dav On',
    '  AuthType Basic',
    '  AuthName "Gloss"',
    `  AuthUserFile ${dir}/users`,
    '  Require valid-user',
    '</Directory>',
  ].join('\n');
  writeFileSync(path.join(dir, 'apache.conf'), `${config}\n`);
  if (asRoot) execFileSync('chown', ['-R', 'www-data:www-data', data, path.join(dir, 'lock')]);
  execFileSync('chmod', ['755', dir]);
  execFileSync(APACHE, ['-f', path.join(dir, 'apache.conf'), '-k', 'start'], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  await waitForServer(url, auth, path.join(dir, 'run', 'httpd.pid'), path.join(dir, 'error.log'));
  return {
    url,
    user,
    password,
    dataDir: data,
    async stop() {
      try {
        execFileSync(APACHE, ['-f', path.join(dir, 'apache.conf'), '-k', 'stop'], { stdio: 'ignore' });
      } finally {
        // The parent exits once its workers have; wait for the pid file to go before deleting the folder.
        const deadline = Date.now() + 10_000;
        while (existsSync(path.join(dir, 'run', 'httpd.pid')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
