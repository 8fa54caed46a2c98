import type { RemoteFile, RemoteFolder } from '@/lib/sync/remote-folder';
import { SyncProblem } from '@/lib/sync/sync-problem';

/** A sync folder in memory, with ETags that change on every write, as a WebDAV server's do. */
export class MemoryFolder implements RemoteFolder {
  readonly files = new Map<string, { bytes: Uint8Array; etag: string }>();
  private version = 0;

  async list(): Promise<RemoteFile[]> {
    return [...this.files].map(([name, file]) => ({ name, etag: file.etag }));
  }

  async get(name: string) {
    const file = this.files.get(name);
    if (!file) throw new SyncProblem('not-found', `${name} is not there.`);
    return { bytes: file.bytes.slice(), etag: file.etag };
  }

  async put(name: string, bytes: Uint8Array, condition: { ifMatch: string } | { ifNoneMatch: '*' }) {
    const existing = this.files.get(name);
    const holds = 'ifMatch' in condition ? existing?.etag === condition.ifMatch : existing === undefined;
    if (!holds) throw new SyncProblem('changed-meanwhile', `${name} changed meanwhile.`);
    this.files.set(name, { bytes: bytes.slice(), etag: `"${++this.version}"` });
  }

  async remove(name: string) {
    this.files.delete(name);
  }

  /** Every byte the folder holds, for checking that nothing readable is in it. */
  allText(): string {
    return [...this.files.values()].map((file) => Buffer.from(file.bytes).toString('latin1')).join('\n');
  }
}
