import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startWebdavServer, type WebdavServer } from '../../../harness/webdav-server';

/** A real Apache WebDAV server for a test file, started before its tests and stopped after. */
export function useWebdavServer(): { server: WebdavServer } {
  const holder = {} as { server: WebdavServer };
  beforeAll(async () => {
    holder.server = await startWebdavServer();
  });
  afterAll(async () => {
    await holder.server?.stop();
  });
  return holder;
}

/** Every file the server holds (path → bytes), to look into and to compare before and after. */
export function serverFiles(server: WebdavServer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(path.relative(server.dataDir, full), readFileSync(full));
    }
  };
  walk(server.dataDir);
  return files;
}

export function fingerprint(files: Map<string, Buffer>): string[] {
  return [...files].map(([name, bytes]) => `${name} ${createHash('sha256').update(bytes).digest('hex')}`).sort();
}

/** A server that answers every request with `status` (and an HTML body): a broken or misconfigured server. */
export async function startBrokenServer(status: number): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    request.resume();
    response.writeHead(status, { 'Content-Type': 'text/html' });
    response.end('<!doctype html><title>Oops</title><p>Something went wrong.</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/dav/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
