/**
 * Writes saved pages as notes into a vault folder (File System Access API), and updates them in place:
 * lists the folder's Markdown notes, decides which note each page gets (lib/export/markdown/vault-plan.ts),
 * and rewrites only Gloss's block of each (vault-block.ts). Each file is written whole through
 * createWritable, which the browser swaps in on close, so a failure never leaves half a note.
 *
 * Every file operation is a round trip to the browser's file system process, so notes are read and
 * written several at a time, and each note is read once: a note small enough is read whole while the
 * folder is listed, and that text is merged (unless the file changed since, which is checked before
 * writing).
 */
import { frontMatterSource } from '@/lib/export/markdown/front-matter-source';
import { pageMarkdown } from '@/lib/export/markdown/page-markdown';
import { mergeVaultNote, newVaultNote } from '@/lib/export/markdown/vault-block';
import { planVault, type VaultFile, type VaultStep } from '@/lib/export/markdown/vault-plan';
import type { PageExport } from '@/lib/export/page-export';
import type { VaultProgress, VaultReport } from '@/components/library/library-services';

/**
 * Front matter comes first in a note; this much of each file is read to find its source. A note no
 * longer than this (nearly all) is read whole at once.
 */
const HEAD_BYTES = 65_536;
/** Folders deeper than this are not searched: a vault's notes sit a few levels down at most. */
const MAX_DEPTH = 12;
/** File operations in flight at once. */
const PARALLEL = 8;

interface FoundNote extends VaultFile {
  handle: FileSystemFileHandle;
  /** The whole text, when the file was small enough to read whole and names a source. */
  text: string | null;
  lastModified: number;
  size: number;
}

/** Runs `work` on every item, at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Every `.md` file under the folder, with its front matter's source; and the names of the folder's own
 * subfolders, which a new note must not take either. Hidden folders (Obsidian's `.obsidian` and
 * `.trash`, `.git`) are passed over.
 */
async function listNotes(
  folder: FileSystemDirectoryHandle,
  onProgress: (progress: VaultProgress) => void,
): Promise<{ notes: FoundNote[]; folders: string[] }> {
  const files: { path: string; handle: FileSystemFileHandle }[] = [];
  const folders: string[] = [];
  const visit = async (directory: FileSystemDirectoryHandle, prefix: string, depth: number): Promise<void> => {
    for await (const [name, handle] of directory.entries()) {
      if (depth === 0 && handle.kind === 'directory') folders.push(name);
      if (name.startsWith('.')) continue;
      if (handle.kind === 'directory') {
        if (depth < MAX_DEPTH) await visit(handle as FileSystemDirectoryHandle, `${prefix}${name}/`, depth + 1);
      } else if (name.toLowerCase().endsWith('.md')) {
        files.push({ path: `${prefix}${name}`, handle: handle as FileSystemFileHandle });
      }
    }
  };
  await visit(folder, '', 0);
  const notes: FoundNote[] = new Array(files.length);
  let read = 0;
  await inParallel(files, PARALLEL, async ({ path, handle }, index) => {
    const file = await handle.getFile();
    const head = await file.slice(0, HEAD_BYTES).text();
    const source = frontMatterSource(head);
    // Only notes that may be Gloss's are kept in memory; the reader's other notes are let go.
    const text = source !== null && file.size <= HEAD_BYTES ? head : null;
    notes[index] = { path, source, handle, text, lastModified: file.lastModified, size: file.size };
    if (++read % 100 === 0) onProgress({ phase: 'reading', notes: read });
  });
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

type StepResult =
  | { kind: 'created'; path: string }
  | { kind: 'updated'; path: string }
  | { kind: 'unchanged' }
  | { kind: 'skipped'; what: string; reason: string };

/**
 * Rewrites Gloss's block of an existing note. The text read while listing is used unless the file
 * changed since (the reader saved it meanwhile): then it is read again, so no edit is lost.
 */
async function updateNote(note: FoundNote, page: PageExport, exportedAt: Date): Promise<StepResult> {
  const markdown = pageMarkdown(page, exportedAt);
  let merged = mergeVaultNote(note.text ?? (await (await note.handle.getFile()).text()), markdown);
  if (merged.outcome === 'updated' && note.text !== null) {
    const now = await note.handle.getFile();
    if (now.lastModified !== note.lastModified || now.size !== note.size) merged = mergeVaultNote(await now.text(), markdown);
  }
  if (merged.outcome === 'skipped') return { kind: 'skipped', what: note.path, reason: merged.reason };
  if (merged.outcome === 'unchanged') return { kind: 'unchanged' };
  await writeText(note.handle, merged.text);
  return { kind: 'updated', path: note.path };
}

async function runStep(
  folder: FileSystemDirectoryHandle,
  step: VaultStep,
  notes: ReadonlyMap<string, FoundNote>,
  exportedAt: Date,
): Promise<StepResult> {
  const title = step.page.page.title || step.page.page.url;
  try {
    if (step.action === 'skip') return { kind: 'skipped', what: title, reason: step.reason };
    if (step.action === 'update') return await updateNote(notes.get(step.path)!, step.page, exportedAt);
    // The reader may have made a file of that name since the folder was read.
    if (await exists(folder, step.path)) {
      return {
        kind: 'skipped',
        what: step.path,
        reason: 'a file of that name appeared while Gloss was writing; update again to write this page.',
      };
    }
    await writeText(await folder.getFileHandle(step.path, { create: true }), newVaultNote(pageMarkdown(step.page, exportedAt)));
    return { kind: 'created', path: step.path };
  } catch (error) {
    return { kind: 'skipped', what: step.action === 'skip' ? title : step.path, reason: `it could not be written: ${reasonOf(error)}` };
  }
}

/**
 * Writes `pages` into `folder`: new notes for pages with highlights and none yet, Gloss's block
 * rewritten in the notes that exist. The reader's text outside the block is never changed, and no
 * file is ever deleted. The report lists notes in the order of `pages`.
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
  const results: StepResult[] = new Array(steps.length);
  let done = 0;
  onProgress({ phase: 'writing', done, total: steps.length });
  await inParallel(steps, PARALLEL, async (step, index) => {
    results[index] = await runStep(folder, step, byPath, exportedAt);
    if (++done % 10 === 0 || done === steps.length) onProgress({ phase: 'writing', done, total: steps.length });
  });
  const report: VaultReport = { created: [], updated: [], unchanged: 0, skipped: [] };
  for (const result of results) {
    if (result.kind === 'created') report.created.push(result.path);
    else if (result.kind === 'updated') report.updated.push(result.path);
    else if (result.kind === 'unchanged') report.unchanged++;
    else report.skipped.push({ what: result.what, reason: result.reason });
  }
  return report;
}
