import { draftChanges } from '@/lib/storage/highlight-edits';
import { sendRequest } from '../send-request';
import type { Showing } from './answer-shown-ui';
import { cancelAutosave } from './draft-autosave';
import type { HighlightPlaces } from './highlight-places';

/** What saving a draft needs of a page's or a document's highlights (extension/page/page-highlights.ts, extension/pdf/pdf-highlights.ts). */
type DraftPlaces = Pick<HighlightPlaces<unknown>, 'preview' | 'replaceRecord'>;

/**
 * What was shown has gone (a session's `hide`, on web pages and in the PDF viewer): an editor's note, tags
 * and colour are stored as they were last chosen (what an autosave stored already is not sent again),
 * whatever took its place (Done, a shortcut's notice or step-through bar, the page going away). Only the session holds them: the panel sends each change there.
 * A highlight being deleted has had its draft dropped (answer-shown-ui.ts), so nothing is stored for it.
 */
export function saveLeftDraft(left: Showing<unknown>, highlights: DraftPlaces): void {
  if (left.view !== 'editor') return;
  cancelAutosave(left); // what it would have stored is stored below, with the rest of the draft
  const changes = draftChanges(left.record, left.draft);
  // An autosave still on its way holds the colour: the preview stays until its record repaints the passage.
  if (Object.keys(changes).length === 0) return void (left.saving ?? Promise.resolve()).finally(() => highlights.preview(null));
  // The previewed colour stays until the saved record repaints it, so the passage does not flicker.
  void sendRequest({ type: 'update-annotation', id: left.record.id, changes })
    .then((updated) => updated && highlights.replaceRecord(updated))
    .finally(() => highlights.preview(null));
}
