/**
 * Deciding, for each saved page, which note of the vault folder Gloss writes: the note whose front
 * matter names the page as its `source`, wherever the reader moved or renamed it, or else a new note
 * named from the title (file-name.ts) that takes no existing file's name. Pure: the extension lists the
 * folder, and writes what this decides.
 */
import type { PageExport } from '../page-export';
import { markdownFileName } from './file-name';

/** A Markdown file found in the vault folder. */
export interface VaultFile {
  /** Relative to the folder, with "/" between folders: "Reading/Storm-1152.md". */
  path: string;
  /** Its front matter's `source` (front-matter-source.ts), or null. */
  source: string | null;
}

export type VaultStep =
  /** Rewrite Gloss's block of the note at `path`. */
  | { action: 'update'; page: PageExport; path: string }
  /** Write a new note at `path` (a name in the folder itself, taken by no file). */
  | { action: 'create'; page: PageExport; path: string }
  /** Leave the vault alone for this page, and say why. */
  | { action: 'skip'; page: PageExport; reason: string };

/** " (2)", " (3)"… before ".md" until the name is free; names compare without case, as macOS and Windows do. */
function freeName(name: string, taken: Set<string>): string {
  const base = name.replace(/\.md$/, '');
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base} (${n}).md`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * One step per page, in the order given. A page with no note yet gets one only if it has highlights:
 * a page whose highlights were all deleted keeps its note (its block then says there are none), and
 * never gains a new one. Two notes naming the same page are left alone: Gloss cannot tell which the
 * reader keeps.
 */
export function planVault(files: readonly VaultFile[], pages: readonly PageExport[]): (VaultStep | null)[] {
  const bySource = new Map<string, string[]>();
  for (const file of files) {
    if (file.source === null) continue;
    const paths = bySource.get(file.source);
    if (paths) paths.push(file.path);
    else bySource.set(file.source, [file.path]);
  }
  const taken = new Set(files.filter((file) => !file.path.includes('/')).map((file) => file.path.toLowerCase()));
  return pages.map((page) => {
    const paths = bySource.get(page.page.url) ?? [];
    if (paths.length === 1) return { action: 'update', page, path: paths[0] };
    if (paths.length > 1) {
      return {
        action: 'skip',
        page,
        reason: `${paths.length} notes name this page as their source (${paths.join(', ')}), so Gloss changed neither. Keep one of them, or change the other’s source.`,
      };
    }
    if (page.annotations.length === 0) return null;
    return { action: 'create', page, path: freeName(markdownFileName(page.page), taken) };
  });
}
