/**
 * The sync folder on a WebDAV server (Nextcloud, ownCloud, Synology, Apache or nginx with DAV), reached
 * with fetch from the background: the extension's host permissions let it, without CORS. Only fetch,
 * AbortController and TextEncoder are used, so the tests drive it from Node against a real Apache.
 *
 * - Basic auth on every request (the password goes to the server only, over whatever the address says:
 *   https for anything but a server on this machine).
 * - A file is replaced only with a condition: `If-None-Match: *` for change files (never overwritten),
 *   `If-Match` with the ETag last listed for the snapshot. Apache's ETags are weak (`W/"…"`) for a
 *   second after a write, and If-Match compares strongly: checked against Apache 2.4 here, a weak ETag
 *   never matches (412) and the strong one it gives later does. A 412 means "changed meanwhile": the
 *   snapshot is then left for a later sync, never overwritten blindly.
 * - Every request has a timeout; network failures, timeouts and 5xx answers (but 507) are retried with
 *   backoff; everything else becomes a SyncProblem in plain words.
 * - Redirects are not followed: a server that moves the folder elsewhere is said, so the person can enter
 *   the final address instead of Gloss sending the password on to wherever it points.
 */
import { entryName, parseMultistatus } from '@/lib/sync/propfind';
import type { RemoteFile, RemoteFolder } from '@/lib/sync/remote-folder';
import { SyncProblem } from '@/lib/sync/sync-problem';

export interface WebdavAccount {
  /** The address of a folder on the server the person may write to. */
  serverUrl: string;
  user: string;
  password: string;
}

export interface WebdavOptions {
  /** Milliseconds before a request is given up (then retried). */
  timeoutMs?: number;
  /** Attempts per request, the first included. */
  attempts?: number;
  /** Milliseconds before the first retry; doubles each time. */
  backoffMs?: number;
  fetch?: typeof fetch;
}

/** The folder Gloss keeps its files in, inside the folder the person named. */
export const SYNC_FOLDER = 'gloss-sync/';

function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** The folder address, checked and ending in "/"; a SyncProblem when it is none Gloss can use. */
export function folderUrl(serverUrl: string): string {
  let url: URL;
  try {
    url = new URL(serverUrl.trim());
  } catch {
    throw new SyncProblem(
      'bad-address',
      'The server address is not a web address; it should look like https://cloud.example/remote.php/dav/files/you/.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SyncProblem('bad-address', 'The server address must start with https:// (or http:// for a server on this machine).');
  }
  if (url.username || url.password) {
    throw new SyncProblem('bad-address', 'Put the user name and password in their own boxes, not in the server address.');
  }
  url.hash = '';
  url.search = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

const seconds = (ms: number) => {
  const whole = Math.max(1, Math.round(ms / 1000));
  return `${whole} second${whole === 1 ? '' : 's'}`;
};

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class WebdavFolder implements RemoteFolder {
  readonly url: string;
  private readonly auth: string;
  private readonly timeoutMs: number;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly fetcher: typeof fetch;

  constructor(account: WebdavAccount, options: WebdavOptions = {}) {
    this.url = new URL(SYNC_FOLDER, folderUrl(account.serverUrl)).href;
    this.auth = basicAuth(account.user, account.password);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.attempts = options.attempts ?? 3;
    this.backoffMs = options.backoffMs ?? 500;
    this.fetcher = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** One request, retried on passing failures; answers any status for the caller to judge. */
  private async request(method: string, url: string, headers: Record<string, string> = {}, body?: Uint8Array): Promise<Response> {
    let lastProblem: SyncProblem | null = null;
    for (let attempt = 0; attempt < this.attempts; attempt++) {
      if (attempt > 0) await wait(this.backoffMs * 2 ** (attempt - 1));
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), this.timeoutMs);
      try {
        const response = await this.fetcher(url, {
          method,
          headers: { Authorization: this.auth, ...headers },
          body: body as BodyInit | undefined,
          redirect: 'manual',
          credentials: 'omit',
          cache: 'no-store',
          signal: controller.signal,
        });
        if (response.status >= 500 && response.status !== 507) {
          lastProblem = new SyncProblem(
            'server-error',
            `The server had an internal error (${response.status}). Gloss will try again later.`,
          );
          await response.body?.cancel().catch(() => undefined);
          continue;
        }
        // The body is read within the timeout too: a server that stops sending mid-file is a timeout.
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(await response.arrayBuffer());
        } catch (error) {
          if (controller.signal.aborted) throw error;
          lastProblem = new SyncProblem(
            'damaged',
            `The server's answer to ${method} ${new URL(url).pathname} broke off midway. Gloss will try again later.`,
          );
          continue;
        }
        return new Response(bytes.length > 0 && ![204, 304].includes(response.status) ? (bytes as BodyInit) : null, {
          status: response.status === 0 ? 399 : response.status, // opaque redirect (manual mode in browsers)
          headers: response.headers,
        });
      } catch (error) {
        lastProblem = controller.signal.aborted
          ? new SyncProblem('timeout', `The server did not answer within ${seconds(this.timeoutMs)}. Gloss will try again later.`)
          : new SyncProblem(
              'offline',
              'Could not reach the server: this device may be offline, or the address may be wrong. Gloss will try again later.',
            );
      } finally {
        clearTimeout(timer);
      }
    }
    throw lastProblem!;
  }

  /** A SyncProblem for an answer that is not the success expected. */
  private problem(response: Response, what: string): SyncProblem {
    const status = response.status;
    if (status === 401) return new SyncProblem('wrong-password', 'The server did not accept the user name or password.');
    if (status === 403) return new SyncProblem('forbidden', `The server does not allow this account to ${what}.`);
    if (status === 404 || status === 409)
      return new SyncProblem('not-found', 'The server has no folder at this address. Check the server address.');
    if (status === 412)
      return new SyncProblem(
        'changed-meanwhile',
        'Another device changed the sync folder at the same moment; Gloss will try again shortly.',
      );
    if (status === 507)
      return new SyncProblem('server-full', 'The server is out of space (507). Free some space there; nothing was lost here.');
    if ((status >= 300 && status < 400) || status === 399) {
      const location = response.headers.get('location');
      return new SyncProblem(
        'redirect',
        `The server sent Gloss to another address${location ? ` (${location})` : ''}. Enter the final address of the folder instead.`,
      );
    }
    return new SyncProblem('server-error', `The server answered ${status} when asked to ${what}.`);
  }

  /** Makes the sync folder when it is not there yet. */
  async ensure(): Promise<void> {
    const found = await this.request('PROPFIND', this.url, { Depth: '0' });
    if (found.status === 207) return;
    if (found.status !== 404) {
      if (found.status === 200) throw this.notWebdav();
      throw this.problem(found, 'read its folder');
    }
    const made = await this.request('MKCOL', this.url);
    if (made.status !== 201 && made.status !== 405) throw this.problem(made, 'make a folder');
  }

  private notWebdav(): SyncProblem {
    return new SyncProblem(
      'not-webdav',
      'The server answered with a web page, not a WebDAV folder. Check the server address (for Nextcloud it ends in /remote.php/dav/files/USER/).',
    );
  }

  async list(): Promise<RemoteFile[]> {
    const response = await this.request(
      'PROPFIND',
      this.url,
      { Depth: '1', 'Content-Type': 'application/xml' },
      new TextEncoder().encode('<?xml version="1.0"?><propfind xmlns="DAV:"><prop><getetag/><resourcetype/></prop></propfind>'),
    );
    if (response.status !== 207) {
      if (response.status === 200) throw this.notWebdav();
      throw this.problem(response, 'list the sync folder');
    }
    const entries = parseMultistatus(await response.text());
    if (entries === null) throw this.notWebdav();
    return entries.filter((entry) => !entry.collection).map((entry) => ({ name: entryName(entry.href), etag: entry.etag }));
  }

  async get(name: string): Promise<{ bytes: Uint8Array; etag: string | null }> {
    const response = await this.request('GET', this.url + encodeURIComponent(name));
    if (response.status === 404) throw new SyncProblem('not-found', `The sync file "${name}" is gone from the server.`);
    if (response.status !== 200) throw this.problem(response, 'read a sync file');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const length = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(length) && length !== bytes.length) {
      throw new SyncProblem('damaged', `The sync file "${name}" arrived cut short. Gloss will try again later.`);
    }
    return { bytes, etag: response.headers.get('etag') };
  }

  async put(name: string, bytes: Uint8Array, condition: { ifMatch: string } | { ifNoneMatch: '*' }): Promise<void> {
    const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
    if ('ifMatch' in condition) headers['If-Match'] = condition.ifMatch;
    else headers['If-None-Match'] = '*';
    const response = await this.request('PUT', this.url + encodeURIComponent(name), headers, bytes);
    if (response.status !== 201 && response.status !== 204 && response.status !== 200) throw this.problem(response, 'write a sync file');
  }

  async remove(name: string): Promise<void> {
    const response = await this.request('DELETE', this.url + encodeURIComponent(name));
    if (response.status !== 204 && response.status !== 200 && response.status !== 404) throw this.problem(response, 'delete a sync file');
  }

  /** Deletes every file in the sync folder ("Start over from this device"). */
  async clear(): Promise<void> {
    for (const file of await this.list()) await this.remove(file.name);
  }
}
