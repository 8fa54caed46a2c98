import { browser } from 'wxt/browser';
import { actorProfiles } from '@/lib/export/actor-profiles';
import { attackIdLookup } from '@/lib/export/attack-ids';
import { jsonExport, markdownExport, stixExport, type ExportFile } from '@/lib/export/export-files';
import type { ExportFormat, GlossRequest, GlossResponse, PageExportResult } from '@/lib/messaging/contract';
import { readSnapshot } from '@/lib/storage/backup-store';
import { readPageExports } from '@/lib/storage/export-reader';
import { normalizePageUrl } from '@/lib/url/normalize-url';
import { glossDatabase } from './database';
import { entityScanner } from './entity-scanner';

const NOTHING_SAVED = 'Nothing from this page is saved yet. Highlight a passage or confirm an entity, then export.';

export async function profilesFor({ keys }: GlossRequest<'actor-profiles'>): Promise<GlossResponse<'actor-profiles'>> {
  return actorProfiles((await entityScanner()).actors, keys);
}

async function exportFile(format: ExportFormat, pageUrls: string[] | null): Promise<ExportFile | null> {
  const db = glossDatabase();
  const now = new Date();
  const { actors, data } = await entityScanner();
  const pages = await readPageExports(db, pageUrls, (keys, fallback) => actorProfiles(actors, keys, fallback));
  if (pages.length === 0) return null;
  if (format === 'markdown') return markdownExport(pages, now);
  if (format === 'stix') return stixExport(pages, now, { attackIdOf: attackIdLookup(data) });
  return jsonExport(await readSnapshot(db, pageUrls ?? undefined), now, pages.length === 1 ? pages[0].page : null);
}

async function exportResult(format: ExportFormat, pageUrls: string[] | null, nothing: string): Promise<PageExportResult> {
  try {
    const file = await exportFile(format, pageUrls);
    if (!file) return { ok: false, message: nothing };
    const text = typeof file.data === 'string' ? file.data : new TextDecoder().decode(file.data);
    return { ok: true, fileName: file.fileName, mimeType: file.mimeType, text };
  } catch (error) {
    return { ok: false, message: `Gloss could not export: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export const exportStix = ({ pageUrls }: GlossRequest<'export-stix'>): Promise<PageExportResult> =>
  exportResult('stix', pageUrls, 'There are no saved pages to export.');

/** The tab's saved page as one file, made here where the database and the dictionaries are. */
export async function exportPage({ tabId, format }: GlossRequest<'export-page'>): Promise<GlossResponse<'export-page'>> {
  let pageUrl: string | null = null;
  try {
    pageUrl = normalizePageUrl((await browser.tabs.get(tabId)).url ?? '');
  } catch {
    return { ok: false, message: 'The tab is gone. Open Gloss again on the page to export.' };
  }
  if (!pageUrl) return { ok: false, message: NOTHING_SAVED };
  return exportResult(format, [pageUrl], NOTHING_SAVED);
}
