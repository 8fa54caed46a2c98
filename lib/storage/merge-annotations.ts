import type { AnnotationRecord, HighlightColor } from './records';
import { cleanTags } from './tags';

/**
 * What one highlight made by merging overlapping ones keeps: every note (in page order, each once,
 * separated by a blank line), every tag, and the colour chosen for the merge. Nothing the reader wrote
 * is dropped.
 */
export function mergedFields(
  records: readonly AnnotationRecord[],
  color: HighlightColor,
): { color: HighlightColor; note: string; tags: string[] } {
  const ordered = [...records].sort((a, b) => a.target.position.start - b.target.position.start);
  const notes: string[] = [];
  for (const record of ordered) {
    const note = record.note.trim();
    if (note && !notes.includes(note)) notes.push(note);
  }
  return { color, note: notes.join('\n\n'), tags: cleanTags(ordered.flatMap((record) => record.tags)) };
}
