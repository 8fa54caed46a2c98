/**
 * The vault writer in Chromium, on an origin-private file system folder: the native folder picker
 * cannot be driven by a test, so the library page's `showDirectoryPicker` hands out an OPFS folder of
 * the extension's origin instead. Everything after the pick is the real path: the handle kept in the
 * database (and found again after a reload), permission, listing, writing and updating notes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { GLOSS_BLOCK_END, GLOSS_BLOCK_START } from '../../lib/export/markdown/vault-markers';
import { backupJson } from '../../lib/backup/to-json-ld';
import type { GlossSnapshot } from '../../lib/export/page-export';
import type { AnnotationRecord } from '../../lib/storage/records';
import { useChromium } from './support/browser-sessions';

const WAIT = { timeout: 15_000 };
const env = useChromium();
const STORM = 'https://news.example/storm-1152';
const HERON = 'https://blog.example/crimson-heron';
const T = 1_714_000_000_000;

function highlight(id: string, pageUrl: string, exact: string, start: number, note = ''): AnnotationRecord {
  return {
    id,
    pageUrl,
    color: 'yellow',
    note,
    tags: [],
    createdAt: T,
    updatedAt: T,
    target: {
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    },
  };
}

const KEPT = highlight(
  '3b241101-e2bb-4255-8caf-4136c566a962',
  STORM,
  'Storm-1152 sold accounts',
  0,
  '*Important*: [[Scattered Spider]] bought them.\n\n- check the help desk',
);
const DELETED = highlight('7c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5', STORM, 'CAPTCHA solving as a service', 100);
const ONLY = highlight('9e8d7c6b-5a49-4837-a261-504f3e2d1c0b', HERON, 'Crimson Heron phished researchers', 0);

function backupFile(): string {
  const snapshot: GlossSnapshot = {
    pages: [
      { url: STORM, title: 'Storm-1152 explained', siteName: 'News', createdAt: T, updatedAt: T + 1, actors: [] },
      { url: HERON, title: 'Crimson Heron', siteName: 'Blog', createdAt: T, updatedAt: T, actors: [] },
    ],
    annotations: [KEPT, DELETED, ONLY],
    tags: [],
    entityTags: [],
    actors: [],
  };
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'gloss-vault-')), 'vault.gloss.json');
  writeFileSync(file, backupJson(snapshot));
  return file;
}

/** The OPFS folder standing in for the vault, and the picker that returns it. */
const USE_OPFS_PICKER = `window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('vault', { create: true });`;

async function readVault(library: Page): Promise<Record<string, string>> {
  return library.evaluate(async () => {
    const vault = await (await navigator.storage.getDirectory()).getDirectoryHandle('vault', { create: true });
    const files: Record<string, string> = {};
    for await (const [name, handle] of (vault as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
      if (handle.kind === 'file') files[name] = await (await (handle as FileSystemFileHandle).getFile()).text();
    }
    return files;
  });
}

async function writeVaultFile(library: Page, name: string, text: string): Promise<void> {
  await library.evaluate(
    async ([fileName, contents]) => {
      const vault = await (await navigator.storage.getDirectory()).getDirectoryHandle('vault', { create: true });
      const writable = await (await vault.getFileHandle(fileName, { create: true })).createWritable();
      await writable.write(contents);
      await writable.close();
    },
    [name, text] as const,
  );
}

const status = (library: Page) => library.locator('.status-line').textContent();

describe('Chromium: writing notes into an Obsidian vault folder', () => {
  it('writes one note per page, keeps the reader’s text around Gloss’s block on update, and removes deleted highlights', async () => {
    const library = await env.session.context.newPage();
    const libraryUrl = `chrome-extension://${env.session.extensionId}/library.html`;
    await library.goto(libraryUrl);
    await library.getByLabel('Import backup').setInputFiles(backupFile());
    await expect.poll(() => status(library), WAIT).toMatch(/^Imported: 3 highlights added/);

    // The reader already has a note of the same name, not Gloss's: it must not be touched.
    const own = '# Storm-1152 explained\n\nMy own summary, written by hand.\n';
    await writeVaultFile(library, 'Storm-1152 explained.md', own);

    const vault = library.getByRole('region', { name: 'Obsidian vault' });
    await library.evaluate(USE_OPFS_PICKER);
    await vault.getByRole('button', { name: 'Choose vault folder…' }).click();
    await expect.poll(() => status(library), WAIT).toBe('Vault folder: vault. Update vault writes your notes there.');
    await vault.getByRole('button', { name: 'Update vault' }).click();
    await expect.poll(() => status(library), WAIT).toBe('Vault updated: 2 new notes, 0 notes updated, 0 already up to date.');

    let files = await readVault(library);
    expect(Object.keys(files).sort()).toEqual(['Crimson Heron.md', 'Storm-1152 explained (2).md', 'Storm-1152 explained.md']);
    expect(files['Storm-1152 explained.md']).toBe(own);
    const storm = files['Storm-1152 explained (2).md'];
    expect(storm).toMatch(/^---\ntitle: "Storm-1152 explained"\nsource: "https:\/\/news.example\/storm-1152"\n/);
    expect(storm).toContain(`\n${GLOSS_BLOCK_START}\n# Storm-1152 explained\n`);
    // The reader's note arrives as Markdown: a live wikilink and emphasis, not escaped text.
    expect(storm).toContain('\n*Important*: [[Scattered Spider]] bought them.\n\n- check the help desk\n');
    expect(storm).toContain('> CAPTCHA solving as a service');
    expect(storm.endsWith(`${GLOSS_BLOCK_END}\n`)).toBe(true);

    // The reader writes above and below Gloss's block (and renames nothing).
    const above = '\nMy take: this is [[Storm-1152]]’s *second* takedown.\n\n';
    const below = '\n\n## Follow-up\n\n- [ ] ask the SOC about CAPTCHA farms\n';
    const edited = storm
      .replace(`---\n\n${GLOSS_BLOCK_START}`, `---\n${above}${GLOSS_BLOCK_START}`)
      .replace(`${GLOSS_BLOCK_END}\n`, `${GLOSS_BLOCK_END}${below}`);
    expect(edited).not.toBe(storm);
    await writeVaultFile(library, 'Storm-1152 explained (2).md', edited);
    const heronBelow = `${files['Crimson Heron.md']}\nKeep an eye on this group.\n`;
    await writeVaultFile(library, 'Crimson Heron.md', heronBelow);

    // One highlight of the first page is deleted, and the second page's only one.
    for (const id of [DELETED.id, ONLY.id]) {
      await library.evaluate((annotationId) => chrome.runtime.sendMessage({ type: 'delete-annotation', id: annotationId }), id);
    }
    // A new visit: the folder is remembered (its handle kept in the database).
    await library.goto(libraryUrl);
    await expect.poll(() => library.locator('.page-card').count(), WAIT).toBe(2);
    await expect.poll(() => vault.locator('.vault-folder').textContent(), WAIT).toBe('Folder: vault');
    await vault.getByRole('button', { name: 'Update vault' }).click();
    await expect.poll(() => status(library), WAIT).toBe('Vault updated: 0 new notes, 2 notes updated, 0 already up to date.');

    files = await readVault(library);
    expect(Object.keys(files).sort()).toEqual(['Crimson Heron.md', 'Storm-1152 explained (2).md', 'Storm-1152 explained.md']);
    expect(files['Storm-1152 explained.md']).toBe(own);
    const updated = files['Storm-1152 explained (2).md'];
    expect(updated).not.toContain('CAPTCHA solving as a service');
    expect(updated).toContain('> Storm-1152 sold accounts');
    // Everything outside the block is exactly what the reader left.
    const outside = (text: string) => [text.slice(0, text.indexOf(GLOSS_BLOCK_START)), text.slice(text.indexOf(GLOSS_BLOCK_END))];
    expect(outside(updated)).toEqual(outside(edited));
    expect(updated).toContain(above);
    expect(updated.endsWith(`${GLOSS_BLOCK_END}${below}`)).toBe(true);
    // The page whose highlights are all gone keeps its note, with an empty block and the reader's line.
    expect(files['Crimson Heron.md']).not.toContain('Crimson Heron phished researchers');
    expect(files['Crimson Heron.md']).toContain(`No highlights on this page yet.\n${GLOSS_BLOCK_END}\n\nKeep an eye on this group.\n`);

    // Nothing changed since: nothing is rewritten.
    await vault.getByRole('button', { name: 'Update vault' }).click();
    await expect.poll(() => status(library), WAIT).toBe('Vault updated: 0 new notes, 0 notes updated, 2 already up to date.');
    expect(await readVault(library)).toEqual(files);
  });
});
