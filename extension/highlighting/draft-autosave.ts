import type { EditorDraft } from '@/lib/messaging/ui-frame-protocol';
import { draftChanges } from '@/lib/storage/highlight-edits';
import type { AnnotationRecord } from '@/lib/storage/records';
import { sendRequest } from '../send-request';
import type { HighlightPlaces } from './highlight-places';

/**
 * How long the person must stop typing (or choosing a colour) before an open editor's draft is stored.
 * 1.5 s is well above the gap between keystrokes, even a slow typist's mid-word hesitation (a few hundred
 * ms), so a sentence costs one write rather than one per key; and short enough that a tab or browser
 * crash, which fires no pagehide, loses at most the last moment of typing.
 */
export const AUTOSAVE_PAUSE_MS = 1500;

/** What a session holds of an open editor (answer-shown-ui.ts). */
export interface Editor {
  /** The highlight as stored, as far as the session knows: an autosave updates it, so Done sends only what changed since. */
  record: AnnotationRecord;
  /** What the editor last sent, or null when nothing is to be saved (nothing typed yet, or the highlight is being deleted). */
  draft: EditorDraft | null;
  /** A pending autosave's timer. */
  autosave?: ReturnType<typeof setTimeout>;
  /** An autosave on its way to the background: closing keeps the colour preview until it has been answered. */
  saving?: Promise<void>;
}
type Places = Pick<HighlightPlaces<unknown>, 'replaceRecord'>;

/** The draft changed (answer-shown-ui.ts): it is stored once no change has come for the pause. */
export function autosaveAfterPause(editor: Editor, places: Places): void {
  cancelAutosave(editor);
  editor.autosave = setTimeout(() => {
    editor.autosave = undefined;
    autosave(editor, places);
  }, AUTOSAVE_PAUSE_MS);
}

/** The editor went (save-draft.ts): closing stores the whole draft itself, and a deleted highlight gets nothing. */
export function cancelAutosave(editor: Editor): void {
  clearTimeout(editor.autosave);
  editor.autosave = undefined;
}

/**
 * Stores the note, tags and colour where they differ from the record. The stored colour does not repaint
 * the passage mid-edit: it is painted in the previewed colour until the editor closes (`saveLeftDraft`).
 */
function autosave(editor: Editor, places: Places): void {
  const changes = draftChanges(editor.record, editor.draft);
  if (Object.keys(changes).length === 0) return;
  // Taken as stored at once, not when the answer comes: Done meanwhile must send only what changed since,
  // and a note typed back to what it was before this save must still be sent (the store holds this one).
  const before = editor.record;
  const saving = { ...before, ...changes };
  editor.record = saving;
  const failed = () => {
    if (editor.record === saving) editor.record = before; // not stored: Done, if still to come, sends it again
  };
  editor.saving = sendRequest({ type: 'update-annotation', id: before.id, changes }).then((updated) => {
    if (!updated) return failed();
    if (editor.record === saving) editor.record = updated;
    places.replaceRecord(updated);
  }, failed);
}
