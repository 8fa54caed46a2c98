/**
 * The WebDAV client against a real Apache httpd with mod_dav (started here, on a free port) and against
 * small servers that misbehave: each failure is a SyncProblem in plain words.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebdavServer, type WebdavServer } from '../../../../harness/webdav-server';
import { WebdavFolder } from '@/extension/sync/webdav-folder';
import { SyncProblem } from '@/lib/sync/sync-problem';

let dav: WebdavServer;
beforeAll(async () => {
  dav = await startWebdavServer();
});
afterAll(async () => {
  await dav?.stop();
});

const bytes = (text: string) => new TextEncoder().encode(text);
async function problemOf(work: Promise<unknown>): Promise<SyncProblem> {
  try {
    await work;
  } catch (error) {
    if (error instanceof SyncProblem) return error;
    throw error;
  }
  throw new Error('expected a SyncProblem');
}

async function oddServer(handle: (request: IncomingMessage, response: ServerResponse) => void) {
  const server = createServer((request, response) => {
    request.resume();
    handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/dav/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const fast = { timeoutMs: 500, attempts: 2, backoffMs: 10 };

describe('WebdavFolder against Apache', () => {
  it('makes its folder, writes, lists, reads and deletes, with conditional writes', async () => {
    const folder = new WebdavFolder({ serverUrl: dav.url, user: dav.user, password: dav.password });
    await folder.ensure();
    await folder.ensure(); // already there: fine
    await folder.put('a', bytes('one'), { ifNoneMatch: '*' });
    // A change file is never overwritten.
    expect((await problemOf(folder.put('a', bytes('two'), { ifNoneMatch: '*' }))).code).toBe('changed-meanwhile');
    const listed = await folder.list();
    expect(listed.map((file) => file.name)).toEqual(['a']);
    expect(new TextDecoder().decode((await folder.get('a')).bytes)).toBe('one');
    // Apache's ETag is weak for a second after a write, and If-Match compares strongly: refused, not overwritten.
    expect(listed[0].etag).toMatch(/^W\//);
    expect((await problemOf(folder.put('a', bytes('three'), { ifMatch: listed[0].etag! }))).code).toBe('changed-meanwhile');
    expect(new TextDecoder().decode((await folder.get('a')).bytes)).toBe('one');
    expect((await problemOf(folder.put('a', bytes('four'), { ifMatch: '"not-the-etag"' }))).code).toBe('changed-meanwhile');
    await folder.remove('a');
    expect(await folder.list()).toEqual([]);
    expect((await problemOf(folder.get('a'))).code).toBe('not-found');
  });

  it('says a wrong password, and a folder that is not there', async () => {
    expect((await problemOf(new WebdavFolder({ serverUrl: dav.url, user: dav.user, password: 'wrong' }, fast).ensure())).message).toBe(
      'The server did not accept the user name or password.',
    );
    expect(
      (await problemOf(new WebdavFolder({ serverUrl: `${dav.url}no/such/place/`, user: dav.user, password: dav.password }, fast).ensure()))
        .code,
    ).toBe('not-found');
  });
});

describe('WebdavFolder against servers that misbehave', () => {
  const cases: [string, (request: IncomingMessage, response: ServerResponse) => void, string, RegExp][] = [
    ['403', (_q, r) => r.writeHead(403).end(), 'forbidden', /does not allow this account/],
    ['507', (_q, r) => r.writeHead(507).end(), 'server-full', /out of space/],
    [
      'a redirect',
      (_q, r) => r.writeHead(302, { Location: 'https://elsewhere.example/dav/' }).end(),
      'redirect',
      /another address \(https:\/\/elsewhere\.example\/dav\/\)/,
    ],
    [
      'an HTML page',
      (_q, r) => r.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><p>Welcome</p>'),
      'not-webdav',
      /web page, not a WebDAV folder/,
    ],
    ['500', (_q, r) => r.writeHead(500).end(), 'server-error', /internal error \(500\)/],
    ['no answer', () => undefined, 'timeout', /did not answer within 1 second\. Gloss will try again later/],
  ];
  for (const [what, handle, code, words] of cases) {
    it(`says ${what} in plain words`, async () => {
      const server = await oddServer(handle);
      try {
        const problem = await problemOf(new WebdavFolder({ serverUrl: server.url, user: 'u', password: 'p' }, fast).ensure());
        expect(problem.code).toBe(code);
        expect(problem.message).toMatch(words);
      } finally {
        await server.close();
      }
    });
  }

  it('retries a passing failure with backoff, and succeeds once the server recovers', async () => {
    let calls = 0;
    const server = await oddServer((_q, r) => {
      calls += 1;
      if (calls === 1) r.writeHead(503).end();
      else
        r.writeHead(207, { 'Content-Type': 'application/xml' }).end('<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"></D:multistatus>');
    });
    try {
      await new WebdavFolder({ serverUrl: server.url, user: 'u', password: 'p' }, fast).ensure();
      expect(calls).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('says a file cut short', async () => {
    const server = await oddServer((_q, r) => {
      r.writeHead(200, { 'Content-Length': '1000' });
      r.write('GLSY');
      setTimeout(() => r.destroy(), 20);
    });
    try {
      const problem = await problemOf(new WebdavFolder({ serverUrl: server.url, user: 'u', password: 'p' }, fast).get('snapshot'));
      expect(problem.code).toBe('damaged');
      expect(problem.message).toMatch(/broke off midway/);
    } finally {
      await server.close();
    }
  });

  it('refuses addresses it cannot use before sending anything', () => {
    expect(() => new WebdavFolder({ serverUrl: 'cloud.example', user: 'u', password: 'p' })).toThrow(/not a web address/);
    expect(() => new WebdavFolder({ serverUrl: 'ftp://cloud.example/', user: 'u', password: 'p' })).toThrow(/https:\/\//);
    expect(() => new WebdavFolder({ serverUrl: 'https://me:pw@cloud.example/', user: 'u', password: 'p' })).toThrow(/own boxes/);
  });
});
