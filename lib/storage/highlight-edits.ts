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
