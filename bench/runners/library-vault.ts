/**
 * `npm run bench -- --suite library`, the vault part: Update vault of everything into a folder, in the
 * library page in Chromium, after the exports (library-browser.ts). The folder is an origin-private one
 * (the native picker cannot be driven), which the page's `showDirectoryPicker` hands out; everything
 * after the pick is the production path. Timed in the page, from the click on Update vault to the
 * "Vault updated" status painted: the first run writes every note, the second finds each note again by
 * its source and leaves it unchanged (the block is the same), the third runs after one line was added
 * to every note outside Gloss's block, so every note is read, merged and found unchanged too.
 */
import type { Page } from 'playwright-core';

const WAIT_MS = 600_000;

export interface VaultTiming {
  run: 'new notes' | 'unchanged' | 'reader’s lines added';
  /** The page's clock: the click to the status painted. */
  madeMs: number;
  status: string;
  notes: number;
}

const USE_OPFS_PICKER = `window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('bench-vault', { create: true });`;

async function updateVault(page: Page, run: VaultTiming['run']): Promise<VaultTiming> {
  await page.evaluate(() => window.__glossLibraryBench.watch('vault', '.status-line', '^(Vault updated|Gloss could not|Gloss may not)'));
  await page.getByRole('region', { name: 'Obsidian vault' }).getByRole('button', { name: 'Update vault' }).click();
  const status = await page.evaluate((ms) => window.__glossLibraryBench.result('vault', ms), WAIT_MS);
  if (!status) throw new Error(`library: Update vault did not finish within ${WAIT_MS / 1000} s`);
  const clicked = await page.evaluate(() => window.__glossLibraryBench.clicks.at(-1)!);
  if (clicked.label !== 'Update vault') throw new Error(`library: the last click was on ${clicked.label}, not Update vault`);
  const notes = await page.evaluate(async () => {
    const vault = await (await navigator.storage.getDirectory()).getDirectoryHandle('bench-vault');
    let count = 0;
    for await (const entry of (vault as unknown as { keys(): AsyncIterable<string> }).keys()) if (entry.endsWith('.md')) count++;
    return count;
  });
  console.error(`library browser: vault (${run}) in ${(status.painted - clicked.time).toFixed(0)} ms: ${status.text}`);
  return { run, madeMs: status.painted - clicked.time, status: status.text, notes };
}

/** Adds a line of the reader's at the end of every note in the folder (outside Gloss's block). */
async function addReaderLines(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const vault = await (await navigator.storage.getDirectory()).getDirectoryHandle('bench-vault');
    for await (const [name, handle] of (vault as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
      if (handle.kind !== 'file' || !name.endsWith('.md')) continue;
      const file = handle as FileSystemFileHandle;
      const text = await (await file.getFile()).text();
      const writable = await file.createWritable();
      await writable.write(`${text}\nMy own line.\n`);
      await writable.close();
    }
  });
}

/** Chooses an empty origin-private folder as the vault, then times three updates of everything. */
export async function vaultRuns(page: Page): Promise<VaultTiming[]> {
  await page.evaluate(async () => {
    await (await navigator.storage.getDirectory()).removeEntry('bench-vault', { recursive: true }).catch(() => undefined);
  });
  await page.evaluate(USE_OPFS_PICKER);
  await page.getByRole('region', { name: 'Obsidian vault' }).getByRole('button', { name: 'Choose vault folder…' }).click();
  await page.getByRole('button', { name: 'Update vault' }).waitFor({ timeout: WAIT_MS });
  const timings = [await updateVault(page, 'new notes'), await updateVault(page, 'unchanged')];
  await addReaderLines(page);
  timings.push(await updateVault(page, 'reader’s lines added'));
  return timings;
}
