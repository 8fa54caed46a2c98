import type { HighlightState } from '@/lib/messaging/contract';
import type { AnnotationChanges } from '@/lib/storage/annotation-store';
import { COLOR_LABELS } from '@/lib/storage/records';
import { HighlightEditControls } from './highlight-edit-controls';
import { NoteText } from './note/note-text';
import type { HighlightServices } from './popup-services';

const QUOTE_PREVIEW = 220;

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_PREVIEW ? `${flat.slice(0, QUOTE_PREVIEW)}…` : flat;
}

interface HighlightItemProps {
  state: HighlightState;
  services: HighlightServices;
  onMessage: (message: string | null) => void;
  /** The person deleted this highlight here; the list offers to undo it. */
  onDeleted: (state: HighlightState) => void;
}

/**
 * One highlight of the page: its quote (choose it to scroll the page there), note and tags, and Edit
 * and Delete. Orphans (not found on the page) keep their quote and offer to re-attach.
 */
export function HighlightItem({ state, services, onMessage, onDeleted }: HighlightItemProps) {
  const { record, status } = state;
  const quote = preview(record.target.quote.exact);
  const quoteId = `quote-${record.id}`;

  const save = async (changes: AnnotationChanges) => {
    const updated = await services.update(record.id, changes);
    return updated ? null : 'That highlight no longer exists.';
  };
  const remove = async () => {
    await services.remove(record.id);
    onDeleted(state);
  };

  return (
    <li class={`highlight highlight-${record.color} status-${status}`}>
      <span class="swatch" data-color={record.color} title={COLOR_LABELS[record.color]} aria-hidden="true" />
      <div class="highlight-body">
        {status === 'anchored' ? (
          <button
            type="button"
            id={quoteId}
            class="quote-button"
            onClick={async () => onMessage((await services.scrollTo(record.id)) ? null : 'That highlight is no longer on the page.')}
          >
            <q>{quote}</q>
          </button>
        ) : (
          <q id={quoteId} class="quote-text">
            {quote}
          </q>
        )}
        {record.note && <NoteText text={record.note} />}
        {record.tags.length > 0 && (
          <ul class="tags" aria-label="Tags">
            {record.tags.map((tag) => (
              <li key={tag}>#{tag}</li>
            ))}
          </ul>
        )}
        {status === 'pending' && <p class="muted">Looking for it on the page…</p>}
        {status === 'orphan' && (
          <div class="orphan">
            <p>Not found on this page</p>
            <div class="actions">
              <button
                type="button"
                onClick={async () => {
                  const r = await services.reattach(record.id);
                  onMessage(r.ok ? null : (r.message ?? 'Could not re-attach.'));
                }}
              >
                Re-attach to selection
              </button>
            </div>
          </div>
        )}
        <HighlightEditControls record={record} quoteId={quoteId} save={save} remove={() => void remove()} />
      </div>
    </li>
  );
}
