import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AnnotationChanges } from '@/lib/storage/annotation-store';
import { draftChanges, draftOf, type HighlightDraft } from '@/lib/storage/highlight-edits';
import { COLOR_LABELS, HIGHLIGHT_COLORS, type AnnotationRecord } from '@/lib/storage/records';
import { parseTagInput } from '@/lib/storage/tags';

interface HighlightEditFormProps {
  record: AnnotationRecord;
  /** Saves the changes (never empty); resolves with a problem to show, or null once saved. */
  onSave: (changes: AnnotationChanges) => Promise<string | null>;
  onClose: () => void;
}

/** How the typed tags will be kept, when that differs from what was typed (spaces become "-", "#" goes). */
function tagsAsKept(typed: string): string | null {
  const kept = parseTagInput(typed);
  const asTyped = typed
    .split(/[,\n]/)
    .map((tag) => tag.trim().replace(/^#+/, ''))
    .filter(Boolean);
  return kept.join('\n') === asTyped.join('\n') ? null : kept.map((tag) => `#${tag}`).join(' ');
}

/**
 * Edits one highlight where it is listed (popup, side panel, library): its colour, note and tags. Save
 * (or Ctrl+Enter) stores the changes through the background, which repaints every tab showing the page;
 * Cancel (or Escape) drops them. The note field takes focus when the form opens.
 */
export function HighlightEditForm({ record, onSave, onClose }: HighlightEditFormProps) {
  const [draft, setDraft] = useState<HighlightDraft>(() => draftOf(record));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const note = useRef<HTMLTextAreaElement>(null);
  const ids = `edit-${record.id}`;
  useLayoutEffect(() => note.current?.focus(), []);

  const save = async () => {
    const changes = draftChanges(record, draft);
    if (Object.keys(changes).length === 0) return onClose();
    setBusy(true);
    setProblem(null);
    const failure = await onSave(changes).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
    setBusy(false);
    if (failure) setProblem(failure);
    else onClose();
  };
  const kept = tagsAsKept(draft.tags);

  return (
    <form
      class="highlight-edit"
      aria-label="Edit highlight"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void save();
        }
      }}
    >
      <fieldset class="edit-colors">
        <legend>Colour</legend>
        {HIGHLIGHT_COLORS.map((color) => (
          <label key={color} class="edit-color" title={COLOR_LABELS[color]}>
            <input
              type="radio"
              name={`${ids}-color`}
              value={color}
              checked={draft.color === color}
              onChange={() => setDraft({ ...draft, color })}
            />
            <span class="swatch" data-color={color} aria-hidden="true" />
            <span class="visually-hidden">{COLOR_LABELS[color]}</span>
          </label>
        ))}
      </fieldset>
      <label class="edit-field">
        <span>Note</span>
        <textarea
          ref={note}
          rows={3}
          value={draft.note}
          placeholder="Markdown works"
          onInput={(event) => setDraft({ ...draft, note: event.currentTarget.value })}
        />
      </label>
      <label class="edit-field">
        <span>Tags</span>
        <input
          type="text"
          value={draft.tags}
          placeholder="comma-separated"
          aria-describedby={kept ? `${ids}-kept` : undefined}
          onInput={(event) => setDraft({ ...draft, tags: event.currentTarget.value })}
        />
      </label>
      {kept && (
        <p id={`${ids}-kept`} class="edit-hint">
          Saved as {kept}
        </p>
      )}
      {problem && (
        <p class="edit-problem" role="alert">
          {problem}
        </p>
      )}
      <div class="edit-actions">
        <button type="submit" class="primary" disabled={busy}>
          Save
        </button>
        <button type="button" disabled={busy} onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
