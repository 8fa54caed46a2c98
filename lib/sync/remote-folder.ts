// The sync folder as the sync engine sees it: a WebDAV folder in the extension, a Map in the tests.

/** A file in the folder, with the server's ETag for conditional writes. */
export interface RemoteFile {
  name: string;
  etag: string | null;
}

/** The sync folder on the server. */
export interface RemoteFolder {
  list(): Promise<RemoteFile[]>;
  get(name: string): Promise<{ bytes: Uint8Array; etag: string | null }>;
  /** Writes a file only if it does not exist (`ifNoneMatch`) or still has `ifMatch`; SyncProblem 'changed-meanwhile' if not. */
  put(name: string, bytes: Uint8Array, condition: { ifMatch: string } | { ifNoneMatch: '*' }): Promise<void>;
  remove(name: string): Promise<void>;
}
