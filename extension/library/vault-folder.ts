/**
 * The vault folder the reader chose, kept between visits. Chrome's File System Access API hands the
 * library a directory handle; IndexedDB can keep it (it is structured-cloneable), and the library's
 * database is the extension origin's, which web pages cannot reach. It lives in the settings table
 * (one record; not part of a backup: a handle means nothing on another machine).
 */
import type { GlossDatabase } from '@/lib/storage/database';

const VAULT_FOLDER = 'vault-folder';

type Access = { mode: 'readwrite' };

/** The parts of the File System Access API that TypeScript's DOM library does not declare (Chrome only). */
interface PermissionedHandle extends FileSystemDirectoryHandle {
  queryPermission?: (access: Access) => Promise<PermissionState>;
  requestPermission?: (access: Access) => Promise<PermissionState>;
}

type DirectoryPicker = (options: { id?: string; mode?: 'read' | 'readwrite' }) => Promise<FileSystemDirectoryHandle>;

function directoryPicker(): DirectoryPicker | null {
  const picker = (globalThis as { showDirectoryPicker?: DirectoryPicker }).showDirectoryPicker;
  return typeof picker === 'function' ? picker : null;
}

/** Whether this browser can write into a folder the reader picks: Chrome can; Firefox has no such API. */
export function canWriteFolders(): boolean {
  return directoryPicker() !== null;
}

/**
 * Opens the browser's folder picker (call it from a click); null when the reader cancels. Chrome asks
 * there whether Gloss may edit the folder's files.
 */
export async function pickFolder(): Promise<FileSystemDirectoryHandle | null> {
  const picker = directoryPicker();
  if (!picker) throw new Error('This browser cannot write into a folder.');
  try {
    return await picker({ id: 'gloss-vault', mode: 'readwrite' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return null;
    throw error;
  }
}

export async function savedFolder(db: GlossDatabase): Promise<FileSystemDirectoryHandle | null> {
  const record = await db.settings.get(VAULT_FOLDER);
  const handle = record?.value;
  return typeof FileSystemDirectoryHandle !== 'undefined' && handle instanceof FileSystemDirectoryHandle ? handle : null;
}

export async function keepFolder(db: GlossDatabase, handle: FileSystemDirectoryHandle, now = Date.now()): Promise<void> {
  await db.settings.put({ key: VAULT_FOLDER, value: handle, updatedAt: now });
}

export async function forgetFolder(db: GlossDatabase): Promise<void> {
  await db.settings.delete(VAULT_FOLDER);
}

/**
 * Whether Gloss may write the folder now, asking the reader when the browser wants it asked again (a
 * new session): that needs a user gesture, so call it first thing in a click.
 */
export async function mayWrite(handle: FileSystemDirectoryHandle): Promise<boolean> {
  const permissioned = handle as PermissionedHandle;
  const access: Access = { mode: 'readwrite' };
  if (!permissioned.queryPermission || !permissioned.requestPermission) return true;
  if ((await permissioned.queryPermission(access)) === 'granted') return true;
  return (await permissioned.requestPermission(access)) === 'granted';
}
