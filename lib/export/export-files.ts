/**
 * Turns what is saved into files to hand the user: Markdown (one .md, or a zip of one per page),
 * the JSON backup, or a STIX bundle. File names are safe whatever the page titles are.
 */
import { strToU8, zipSync } from 'fflate';
import { markdownFileName, pageMarkdown } from './markdown';
import type { GlossSnapshot, PageExport } from './page-export';
import { stixBundle, stixJson, type StixExportOptions } from './stix/stix-bundle';
import { backupJson } from '../backup/to-json-ld';

export type ExportFormat = 'markdown' | 'json' | 'stix';

export interface ExportFile {
  fileName: string;
  mimeType: string;
  data: string | Uint8Array;
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const baseName = (fileName: string) => fileName.replace(/\.md$/, '');

/** Several pages may share a title: later ones get " (2)", " (3)"… so no file overwrites another. */
function uniqueNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${baseName(name)} (${n}).md`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/** One page as a .md file; many pages as a zip of one .md file per page. */
export function markdownExport(pages: readonly PageExport[], exportedAt: Date, options: StixExportOptions = {}): ExportFile {
  const { attackIdOf } = options;
  if (pages.length === 1) {
    return { fileName: markdownFileName(pages[0].page), mimeType: 'text/markdown', data: pageMarkdown(pages[0], exportedAt, attackIdOf) };
  }
  const names = uniqueNames(pages.map((page) => markdownFileName(page.page)));
  const files: Record<string, Uint8Array> = {};
  pages.forEach((page, i) => {
    files[names[i]] = strToU8(pageMarkdown(page, exportedAt, attackIdOf));
  });
  // Stored, not deflated: deflating tens of megabytes of notes in JavaScript takes seconds, several
  // times what writing them does, while the zip only needs to carry them to the user's disk.
  return {
    fileName: `gloss-markdown-${day(exportedAt)}.zip`,
    mimeType: 'application/zip',
    data: zipSync(files, { level: 0, mtime: exportedAt }),
  };
}

/** The JSON backup (W3C Web Annotation collection) of a snapshot; `scope` names a single page's export. */
export function jsonExport(snapshot: GlossSnapshot, exportedAt: Date, scope: PageExport['page'] | null = null): ExportFile {
  const fileName = scope ? `${baseName(markdownFileName(scope))}.gloss.json` : `gloss-backup-${day(exportedAt)}.json`;
  return { fileName, mimeType: 'application/ld+json', data: backupJson(snapshot) };
}

/** The STIX 2.1 bundle of the pages' confirmed findings. */
export function stixExport(pages: readonly PageExport[], exportedAt: Date, options: StixExportOptions = {}): ExportFile {
  const fileName = pages.length === 1 ? `${baseName(markdownFileName(pages[0].page))}.stix.json` : `gloss-stix-${day(exportedAt)}.json`;
  return { fileName, mimeType: 'application/json', data: stixJson(stixBundle(pages, options)) };
}
