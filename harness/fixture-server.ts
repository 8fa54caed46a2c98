import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface FixtureServer {
  origin: string;
  url: (pathname: string) => string;
  /** Serves `html` at `pathname` instead of the file (null goes back to the file): a page that changed. */
  override: (pathname: string, html: string | null) => void;
  close: () => Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves files under `root` on 127.0.0.1. Anything else, including the assets the real pages refer to,
 * gets a 404, so tests never depend on the network.
 */
export async function startFixtureServer(root: string): Promise<FixtureServer> {
  const base = path.resolve(root);
  const overrides = new Map<string, string>();
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const replaced = overrides.get(pathname);
    if (replaced !== undefined) {
      response.writeHead(200, { 'content-type': CONTENT_TYPES['.html'] });
      return void response.end(replaced);
    }
    const file = path.resolve(base, `.${pathname}`);
    if (!file.startsWith(base + path.sep)) return void response.writeHead(404).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fixture server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (pathname) => `${origin}/${pathname.replace(/^\//, '')}`,
    override: (pathname, html) => {
      const key = `/${pathname.replace(/^\//, '')}`;
      if (html === null) overrides.delete(key);
      else overrides.set(key, html);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
