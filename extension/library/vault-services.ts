/** The library's Obsidian vault: choosing the folder, keeping it, and writing notes into it. */
import type { VaultServices } from '@/components/library/library-services';
import type { PageExport } from '@/lib/export/page-export';
import type { GlossDatabase } from '@/lib/storage/database';
import { canWriteFolders, forgetFolder, keepFolder, mayWrite, pickFolder, savedFolder } from './vault-folder';
import { writeVault } from './vault-writer';

/** `readPages` gives the pages to write (all when null), as the Markdown export reads them. */
export function vaultServices(db: GlossDatabase, readPages: (urls: string[] | null) => Promise<PageExport[]>): VaultServices {
  // Kept once read, so that a click's permission request is not delayed by reading the database.
  let folder: FileSystemDirectoryHandle | null | undefined;
  const current = async () => (folder === undefined ? (folder = await savedFolder(db)) : folder);
  return {
    supported: canWriteFolders(),
    async folderName() {
      return (await current())?.name ?? null;
    },
    async choose() {
      const picked = await pickFolder();
      if (!picked) return null;
      await keepFolder(db, picked);
      folder = picked;
      return picked.name;
    },
    async forget() {
      await forgetFolder(db);
      folder = null;
    },
    async update(urls, onProgress) {
      const chosen = await current();
      if (!chosen) return { ok: false, message: 'Choose your vault folder first.' };
      if (!(await mayWrite(chosen))) {
        return {
          ok: false,
          message: `Gloss may not write to “${chosen.name}”: the browser was not allowed to. Press Update vault again and allow editing, or choose the folder again.`,
        };
      }
      try {
        const pages = await readPages(urls);
        return { ok: true, report: await writeVault(chosen, pages, new Date(), onProgress) };
      } catch (error) {
        const gone = error instanceof DOMException && error.name === 'NotFoundError';
        return {
          ok: false,
          message: gone
            ? `The folder “${chosen.name}” is no longer there (moved or deleted). Choose the vault folder again.`
            : `Gloss could not write to “${chosen.name}”: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
    },
  };
}
