import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AnnotationChanges } from '@/lib/storage/annotation-store';
import type { AnnotationRecord } from '@/lib/storage/records';
import { HighlightEditForm } from './highlight-edit-form';

interface HighlightEditControlsProps {
  record: AnnotationRecord;
  /** The id of the element holding the quote, so that "Edit" and "Delete" say which highlight they act on. */
  quoteId: string;
  /** Stores the changes; resolves with a problem to show, or null once saved. */
  save: (changes: AnnotationChanges) => Promise<string | null>;
  remove: () => void;
}

/**
 * A listed highlight's Edit and Delete (popup, side panel, library). Edit opens the form in place; when
 * it closes, focus goes back to Edit, where the person was, rather than to the page's body.
 */
export function HighlightEditControls({ record, quoteId, save, remove }: HighlightEditControlsProps) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useLayoutEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    editButton.current?.focus();
  }, [editing]);

  if (editing) {
    return (
      <HighlightEditForm
        record={record}
        onSave={save}
        onClose={() => {
          refocus.current = true;
          setEditing(false);
        }}
      />
    );
  }
  return (
    <div class="highlight-actions">
      <button type="button" ref={editButton} aria-describedby={quoteId} onClick={() => setEditing(true)}>
        Edit
      </button>
      <button type="button" class="danger" aria-describedby={quoteId} onClick={remove}>
        Delete
      </button>
    </div>
  );
}
