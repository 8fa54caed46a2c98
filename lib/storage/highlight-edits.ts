import type { AnnotationChanges } from './annotation-store';
import type { AnnotationRecord, HighlightColor } from './records';
import { parseTagInput } from './tags';

/** What a highlight editor holds: the colour, the note, and the tags as typed. */
export interface HighlightDraft {
  color: HighlightColor;
  note: string;
  tags: string;
}

/** A draft of the record as it stands, for an editor to start from. */
export function draftOf(record: AnnotationRecord): HighlightDraft {
  return { color: record.color, note: record.note, tags: record.tags.join(', ') };
}

/** The changes a draft makes to its record; empty when it changes nothing (tags compare as they would be stored). */
export function draftChanges(record: AnnotationRecord, draft: HighlightDraft | null): AnnotationChanges {
  const changes: AnnotationChanges = {};
  if (!draft) return changes;
  if (draft.color !== record.color) changes.color = draft.color;
  if (draft.note !== record.note) changes.note = draft.note;
  const tags = parseTagInput(draft.tags);
  if (tags.join('\n') !== record.tags.join('\n')) changes.tags = tags;
  return changes;
}

/**
 * Whether a record the background answered with should replace the one a page holds. Answers to two
 * saves of one editor (an autosave, then Done) may arrive in either order; the older must not undo the
 * newer until the page reloads. Stored records are stamped when stored, so the older has the earlier stamp.
 */
export function supersedes(incoming: AnnotationRecord, held: AnnotationRecord | undefined): boolean {
  return !held || incoming.updatedAt >= held.updatedAt;
}
