/** Saved pages as one export file, however the caller resolves actors and ATT&CK ids. */
import { jsonExport, markdownExport, stixExport, type ExportFile, type ExportFormat } from '../export/export-files';
import type { PageExport } from '../export/page-export';
import type { PlaceLookup } from '../export/place-facts';
import type { AttackIdLookup } from '../export/stix/entity-objects';
import { readSnapshot, type LoadedRecords } from './backup-store';
import type { GlossDatabase } from './database';
import { readPageExports, type ResolveActors } from './export-reader';

export interface ExportSources {
  resolveActors: ResolveActors;
  /** ATT&CK ids of the pages' confirmed software and techniques (STIX and Markdown links). */
  attackIds: (pages: readonly PageExport[]) => Promise<AttackIdLookup> | AttackIdLookup;
  /** Country codes and regions of the pages' confirmed places (STIX locations); none if absent. */
  placeFacts: (pages: readonly PageExport[]) => Promise<PlaceLookup> | PlaceLookup;
  /** Pages and highlights the caller already holds, to skip reading them again. */
  loaded?: LoadedRecords;
}

/** The saved pages (all when `urls` is null) as one file; null when none of them is saved. */
export async function savedPagesFile(
  db: GlossDatabase,
  format: ExportFormat,
  urls: readonly string[] | null,
  sources: ExportSources,
  now = new Date(),
): Promise<ExportFile | null> {
  if (format === 'json') {
    const snapshot = await readSnapshot(db, urls ?? undefined, sources.loaded);
    if (snapshot.pages.length === 0) return null;
    return jsonExport(snapshot, now, urls?.length === 1 ? snapshot.pages[0] : null);
  }
  const pages = await readPageExports(db, urls, sources.resolveActors, sources.loaded);
  if (pages.length === 0) return null;
  if (format === 'markdown') return markdownExport(pages, now, { attackIdOf: await sources.attackIds(pages) });
  // Many pages (the library's export) keep only those with something confirmed; one page keeps its notes.
  return stixExport(pages, now, {
    attackIdOf: await sources.attackIds(pages),
    placeOf: await sources.placeFacts(pages),
    confirmedPagesOnly: urls?.length !== 1,
  });
}
