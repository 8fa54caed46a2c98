/**
 * extension/library/vault-services.ts: the folder picked, kept and used, and what the reader is told
 * when the browser refuses or the folder is gone. The picker and the handles are stand-ins (Node has no
 * File System Access API); the database is a stand-in of its settings table, since fake-indexeddb cannot
 * store a handle the way Chrome's IndexedDB does.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { vaultServices } from '@/extension/library/vault-services';
import type { GlossDatabase } from '@/lib/storage/database';
import type { SettingRecord } from '@/lib/storage/records';

class FakeFolder {
  readonly kind = 'directory';
  constructor(
    readonly name: string,
    private permission: PermissionState,
    private grant: PermissionState,
    private gone = false,
  ) {}
  queryPermission = vi.fn(async () => this.permission);
  requestPermission = vi.fn(async () => (this.permission = this.grant));
  async *entries(): AsyncGenerator<[string, never]> {
    if (this.gone) throw new DOMException('The folder is gone.', 'NotFoundError');
    yield* [] as [string, never][]; // an empty folder
  }
}

function settingsTable(): GlossDatabase {
  const records = new Map<string, SettingRecord>();
  return {
    settings: {
      get: async (key: string) => records.get(key),
      put: async (record: SettingRecord) => {
        records.set(record.key, record);
      },
      delete: async (key: string) => {
        records.delete(key);
      },
    },
  } as unknown as GlossDatabase;
}

function withPicker(folder: FakeFolder | 'cancel'): void {
  vi.stubGlobal(
    'showDirectoryPicker',
    vi.fn(async () => {
      if (folder === 'cancel') throw new DOMException('The user aborted a request.', 'AbortError');
      return folder;
    }),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('vaultServices', () => {
  it('is not supported where the browser has no folder picker', () => {
    expect(vaultServices(settingsTable(), async () => []).supported).toBe(false);
  });

  it('keeps the picked folder, and asks for nothing when the reader cancels', async () => {
    const db = settingsTable();
    withPicker('cancel');
    const services = vaultServices(db, async () => []);
    expect(services.supported).toBe(true);
    expect(await services.choose()).toBeNull();
    expect(await db.settings.get('vault-folder')).toBeUndefined();
    const folder = new FakeFolder('My Vault', 'granted', 'granted');
    withPicker(folder);
    expect(await services.choose()).toBe('My Vault');
    expect((await db.settings.get('vault-folder'))?.value).toBe(folder);
    expect(await services.folderName()).toBe('My Vault');
    await services.forget();
    expect(await db.settings.get('vault-folder')).toBeUndefined();
    expect(await services.folderName()).toBeNull();
  });

  it('says to choose a folder first when there is none', async () => {
    withPicker('cancel');
    expect(await vaultServices(settingsTable(), async () => []).update(null, () => undefined)).toEqual({
      ok: false,
      message: 'Choose your vault folder first.',
    });
  });

  it('asks again for permission when the browser wants it, and writes when it is given', async () => {
    const folder = new FakeFolder('My Vault', 'prompt', 'granted');
    withPicker(folder);
    const readPages = vi.fn(async () => []);
    const services = vaultServices(settingsTable(), readPages);
    await services.choose();
    const outcome = await services.update(['https://a.example/'], () => undefined);
    expect(folder.requestPermission).toHaveBeenCalledWith({ mode: 'readwrite' });
    expect(readPages).toHaveBeenCalledWith(['https://a.example/']);
    expect(outcome).toEqual({ ok: true, report: { created: [], updated: [], unchanged: 0, skipped: [] } });
  });

  it('writes nothing, and says how to go on, when permission is refused', async () => {
    const folder = new FakeFolder('My Vault', 'prompt', 'denied');
    withPicker(folder);
    const readPages = vi.fn(async () => []);
    const services = vaultServices(settingsTable(), readPages);
    await services.choose();
    expect(await services.update(null, () => undefined)).toEqual({
      ok: false,
      message:
        'Gloss may not write to “My Vault”: the browser was not allowed to. Press Update vault again and allow editing, or choose the folder again.',
    });
    expect(readPages).not.toHaveBeenCalled();
  });

  it('says the folder is gone when it was moved or deleted', async () => {
    withPicker(new FakeFolder('My Vault', 'granted', 'granted', true));
    const services = vaultServices(settingsTable(), async () => []);
    await services.choose();
    expect(await services.update(null, () => undefined)).toEqual({
      ok: false,
      message: 'The folder “My Vault” is no longer there (moved or deleted). Choose the vault folder again.',
    });
  });
});
