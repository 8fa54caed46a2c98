/**
 * `npm run bench -- --suite library`, Node part two: the library's files over the generated library
 * (library-data.ts), in Node with the extension's own code: writing the JSON backup and reading it back,
 * and exporting everything as Markdown (a zip of one file per page) and as STIX.
 *
 * - The snapshot is what readSnapshot would give for the generated records: pages, highlights, and the
 *   tags they use (one per tagKey, first spelling kept); no entity verdicts or user actors.
 * - The pages to export are what readPageExports would give: newest first, each with its highlights and
 *   its actors resolved against the shipped dictionary, as the background resolves them.
 * - Each step runs `runs` times (the first one included, since an export is a one-off for the user); the
 *   figures are medians. What the browser adds (reading IndexedDB, the download) is in library-browser.ts.
 */
import { unzipSync } from 'fflate';
import { median } from '../../harness/stats';
import { actorProfiles } from '../../lib/export/actor-profiles';
import { attackIdLookup } from '../../lib/export/attack-ids';
import { markdownExport, stixExport, type ExportFile } from '../../lib/export/export-files';
import { pageMarkdown } from '../../lib/export/markdown';
import type { GlossSnapshot, PageExport } from '../../lib/export/page-export';
import { parseBackup } from '../../lib/backup/parse-backup';
import { backupJson } from '../../lib/backup/to-json-ld';
import { loadEntityData } from '../../lib/entities/shipped-data';
import type { AnnotationRecord, TagRecord } from '../../lib/storage/records';
import { tagKey } from '../../lib/storage/tags';
import type { LibraryData } from './library-data';

export interface FileTiming {
  /** Every run's milliseconds, in order. */
  runsMs: number[];
  medianMs: number;
  bytes: number;
}

export interface LibraryFilesResult {
  backupWrite: FileTiming;
  backupParse: FileTiming & { annotations: number };
  /** Of which the notes' text alone (pageMarkdown of every page, no zip): one run. */
  markdownTextMs: number;
  markdown: FileTiming & { files: number };
  stix: FileTiming & { objects: number };
}

/** The snapshot readSnapshot would read from a database holding `data`. */
export function librarySnapshot(data: LibraryData): GlossSnapshot {
  const tags = new Map<string, TagRecord>();
  for (const record of data.annotations) {
    for (const label of record.tags) {
      const key = tagKey(label);
      const known = tags.get(key);
      if (!known) tags.set(key, { key, label, createdAt: record.createdAt });
      else if (record.createdAt < known.createdAt) known.createdAt = record.createdAt;
    }
  }
  return { pages: data.pages, annotations: data.annotations, tags: [...tags.values()], entityTags: [], actors: [] };
}

/** The pages as readPageExports hands them to the exporters for "everything". */
function libraryPageExports(data: LibraryData): PageExport[] {
  const byPage = new Map<string, AnnotationRecord[]>();
  for (const record of data.annotations) {
    const list = byPage.get(record.pageUrl);
    if (list) list.push(record);
    else byPage.set(record.pageUrl, [record]);
  }
  const actors = loadEntityData().actors;
  return [...data.pages]
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .map((page) => ({
      page,
      annotations: byPage.get(page.url) ?? [],
      entityTags: [],
      actors: actorProfiles(actors, page.actors ?? []),
    }));
}

function timed<T>(runs: number, work: () => T): { runsMs: number[]; medianMs: number; value: T } {
  const runsMs: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = work();
    runsMs.push(performance.now() - start);
  }
  return { runsMs, medianMs: median(runsMs), value };
}

const sizeOf = (file: ExportFile): number => (typeof file.data === 'string' ? Buffer.byteLength(file.data) : file.data.byteLength);

/**
 * Times the backup, Markdown and STIX files of `data`; returns the figures and the backup text, for
 * the browser part to import.
 */
export function benchLibraryFiles(data: LibraryData, runs = 3): { result: LibraryFilesResult; backup: string } {
  const snapshot = librarySnapshot(data);
  const write = timed(runs, () => backupJson(snapshot));
  const backup = write.value;
  console.error(`library files: backup written in ${write.medianMs.toFixed(0)} ms (${(backup.length / 2 ** 20).toFixed(0)} MB)`);
  const parse = timed(runs, () => parseBackup(backup));
  if (!parse.value.ok) throw new Error(`the generated backup does not parse: ${parse.value.message}`);
  const annotations = parse.value.snapshot.annotations.length;
  console.error(`library files: backup parsed in ${parse.medianMs.toFixed(0)} ms`);

  const pages = libraryPageExports(data);
  const now = new Date();
  const markdown = timed(runs, () => markdownExport(pages, now));
  const files = Object.keys(unzipSync(markdown.value.data as Uint8Array)).length;
  const markdownText = timed(1, () => pages.map((page) => pageMarkdown(page, now)));
  console.error(`library files: Markdown of everything in ${markdown.medianMs.toFixed(0)} ms`);
  const attackIdOf = attackIdLookup(loadEntityData());
  const stix = timed(runs, () => stixExport(pages, now, { attackIdOf }));
  const objects = (JSON.parse(stix.value.data as string) as { objects?: unknown[] }).objects?.length ?? 0;
  console.error(`library files: STIX of everything in ${stix.medianMs.toFixed(0)} ms`);

  const figures = (t: { runsMs: number[]; medianMs: number }, bytes: number): FileTiming => ({
    runsMs: t.runsMs,
    medianMs: t.medianMs,
    bytes,
  });
  return {
    backup,
    result: {
      backupWrite: figures(write, Buffer.byteLength(backup)),
      backupParse: { ...figures(parse, Buffer.byteLength(backup)), annotations },
      markdownTextMs: markdownText.medianMs,
      markdown: { ...figures(markdown, sizeOf(markdown.value)), files },
      stix: { ...figures(stix, sizeOf(stix.value)), objects },
    },
  };
}
