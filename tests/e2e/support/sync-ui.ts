import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface SyncAccount {
  serverUrl: string;
  user: string;
  password: string;
  passphrase: string;
}

/** The library's Sync region. */
export const syncRegion = (library: Page) => library.getByRole('region', { name: 'Sync' });

/** Fills the Sync region and presses "Sync now"; returns the status text once the sync has finished. */
export async function syncFromLibrary(library: Page, account: Partial<SyncAccount> | null): Promise<string> {
  const region = syncRegion(library);
  await region.waitFor({ timeout: 15_000 });
  if (account) {
    if (account.serverUrl !== undefined) await region.getByRole('textbox', { name: 'Server address' }).fill(account.serverUrl);
    if (account.user !== undefined) await region.getByRole('textbox', { name: 'User name' }).fill(account.user);
    if (account.password !== undefined) await region.getByRole('textbox', { name: 'Password' }).fill(account.password);
    if (account.passphrase !== undefined) await region.getByRole('textbox', { name: 'Passphrase' }).fill(account.passphrase);
  }
  const status = region.getByRole('status');
  const finished = async () => Number(await status.getAttribute('data-finished'));
  const before = await finished();
  await region.getByRole('button', { name: 'Sync now' }).click();
  // The region counts finished actions: done once the count moves (the text may repeat itself).
  await expect.poll(finished, { timeout: 60_000 }).toBeGreaterThan(before);
  return (await status.textContent()) ?? '';
}

/** The records of one table of the profile's database, read in an extension page (same origin as the background). */
export async function storedRecords(extensionPage: Page, table: string): Promise<Record<string, unknown>[]> {
  return extensionPage.evaluate(
    (name) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('gloss');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => {
            resolve(request.result as Record<string, unknown>[]);
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}
