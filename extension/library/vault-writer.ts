/**
 * Writes saved pages as notes into a vault folder (File System Access API), and updates them in place:
 * lists the folder's Markdown notes, decides which note each page gets (lib/export/markdown/vault-plan.ts),
 * and rewrites only Gloss's block of each (vault-block.ts). Each file is written whole through
 * createWritable, which the browser swaps in on close, so a failure never leaves half a note.
 */
import { frontMatterSource } from '@/lib/export/markdown/front-matter-source';
import { pageMarkdown } from '@/lib/export/markdown/page-markdown';
import { mergeVaultNote, newVaultNote } from '@/lib/export/markdown/vault-block';
import { planVault, type VaultFile } from '@/lib/export/markdown/vault-plan';
import type { PageExport } from '@/lib/export/page-export';
import type { VaultProgress, VaultReport } from '@/components/library/library-services';

/** Front matter comes first in a note; this much of each file is read to find its source. */
const HEAD_BYTES = 16_384;
/** Folders deeper than this are not searched: a vault's notes sit a few levels down at most. */
const MAX_DEPTH = 12;


interface FoundNote extends VaultFile {
  handle: FileSystemFileHandle;
}

/**
 * Every `.md` file under the folder, with its front matter's source; and the names of the folder's own
 * subfolders, which a new note must not take either. Hidden folders (Obsidian's `.obsidian` and
 * `.trash`, `.git`) are passed over.
 */
async function listNotes(folder: FileSystemDirectoryHandle, onProgress: (progress: VaultProgress) => void): Promise<{ notes: FoundNote[]; folders: string[] }> {
  const notes: FoundNote[] = [];
  const folders: string[] = [];
  const visit = async (directory: FileSystemDirectoryHandle, prefix: string, depth: number): Promise<void> => {
    for await (const [name, handle] of directory.entries()) {
      if (depth === 0 && handle.kind === 'directory') folders.push(name);
      if (name.startsWith('.')) continue;
      if (handle.kind === 'directory') {
        if (depth < MAX_DEPTH) await visit(handle as FileSystemDirectoryHandle, `${prefix}${name}/`, depth + 1);
      } else if (name.toLowerCase().endsWith('.md')) {
        const file = await (handle as FileSystemFileHandle).getFile();
        const head = await file.slice(0, HEAD_BYTES).text();
        notes.push({ path: `${prefix}${name}`, source: frontMatterSource(head), handle: handle as FileSystemFileHandle });
        if (notes.length % 100 === 0) onProgress({ phase: 'reading', notes: notes.length });
      }
    }
  };
  await visit(folder, '', 0);
  onProgress({ phase: 'reading', notes: notes.length });
  return { notes, folders };
}

async function writeText(handle: FileSystemFileHandle, text: string): Promise<void> {
  const writable = await handle.createWritable();
  try {
    await writable.write(text);
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
}

async function exists(folder: FileSystemDirectoryHandle, name: string): Promise<boolean> {
  try {
    await folder.getFileHandle(name);
    return true;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotFoundError') return false;
    // A folder of that name.
    if (error instanceof DOMException && error.name === 'TypeMismatchError') return true;
    throw error;
  }
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Writes `pages` into `folder`: new notes for pages with highlights and none yet, Gloss's block
 * rewritten in the notes that exist. The reader's text outside the block is never changed, and no
 * file is ever deleted.
 */
export async function writeVault(
  folder: FileSystemDirectoryHandle,
  pages: readonly PageExport[],
  exportedAt: Date,
  onProgress: (progress: VaultProgress) => void = () => undefined,
): Promise<VaultReport> {
  const { notes, folders } = await listNotes(folder, onProgress);
  const byPath = new Map(notes.map((note) => [note.path, note]));
  const taken = [...notes, ...folders.map((name): VaultFile => ({ path: name, source: null }))];
  const steps = planVault(taken, pages).filter((step) => step !== null);
  const report: VaultReport = { created: [], updated: [], unchanged: 0, skipped: [] };
  let done = 0;
  onProgress({ phase: 'writing', done, total: steps.length });
  for (const step of steps) {
    const title = step.page.page.title || step.page.page.url;
    try {
      if (step.action === 'skip') {
        report.skipped.push({ what: title, reason: step.reason });
      } else if (step.action === 'create') {
        // The reader may have made a file of that name since the folder was read.
        if (await exists(folder, step.path)) {
          report.skipped.push({ what: step.path, reason: 'a file of that name appeared while Gloss was writing; update again to write this page.' });
        } else {
          await writeText(await folder.getFileHandle(step.path, { create: true }), newVaultNote(pageMarkdown(step.page, exportedAt)));
          report.created.push(step.path);
        }
      } else {
        const note = byPath.get(step.path)!;
        const merged = mergeVaultNote(await (await note.handle.getFile()).text(), pageMarkdown(step.page, exportedAt));
        if (merged.outcome === 'skipped') report.skipped.push({ what: step.path, reason: merged.reason });
        else if (merged.outcome === 'unchanged') report.unchanged++;
        else {
          await writeText(note.handle, merged.text);
          report.updated.push(step.path);
        }
      }
    } catch (error) {
      report.skipped.push({ what: step.action === 'skip' ? title : step.path, reason: `it could not be written: ${reasonOf(error)}` });
    }
    done++;
    if (done % 10 === 0 || done === steps.length) onProgress({ phase: 'writing', done, total: steps.length });
  }
  return report;
}
