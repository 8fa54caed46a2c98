import type { ExportFile } from '@/lib/export/export-files';
import { answeredLookup, attackIdQueries } from '@/lib/export/attack-ids';
import { answeredPlaces, placeQueries } from '@/lib/export/place-facts';
import type { ExportFormat } from '@/lib/messaging/contract';
import type { LoadedRecords } from '@/lib/storage/backup-store';
import type { GlossDatabase } from '@/lib/storage/database';
import type { ResolveActors } from '@/lib/storage/export-reader';
import { savedPagesFile } from '@/lib/storage/saved-page-files';
import { sendRequest } from '../send-request';

/** Actors' names and aliases, from the dictionaries the background holds. */
export const resolveActors: ResolveActors = (keys) => (keys.length ? sendRequest({ type: 'actor-profiles', keys }) : []);

/**
 * The saved pages (all when `urls` is null) as one file, from an extension page that reads the database
 * itself: the library's exports and the settings page's "Export everything". Rejects, with words for
 * people, when there is nothing to export.
 */
export async function exportSavedPages(
  db: GlossDatabase,
  format: ExportFormat,
  urls: string[] | null,
  loaded?: LoadedRecords,
): Promise<ExportFile> {
  const file = await savedPagesFile(db, format, urls, {
    resolveActors,
    // The background has the ATT&CK data; it answers for the few names asked, not the whole file.
    async attackIds(pages) {
      const queries = attackIdQueries(pages);
      return answeredLookup(queries, queries.length ? await sendRequest({ type: 'attack-ids', entities: queries }) : []);
    },
    // And the places list: where each confirmed place is, for STIX locations.
    async placeFacts(pages) {
      const names = placeQueries(pages);
      return answeredPlaces(names, names.length ? await sendRequest({ type: 'place-facts', names }) : []);
    },
    loaded,
  });
  if (!file) throw new Error('There are no saved pages to export.');
  return file;
}
