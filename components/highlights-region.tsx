import { useCallback, useEffect, useState } from 'preact/hooks';
import type { HighlightState, TabHighlightsResult } from '@/lib/messaging/contract';
import { COLOR_LABELS } from '@/lib/storage/records';

export interface HighlightServices {
  load: () => Promise<TabHighlightsResult>;
  scrollTo: (id: string) => Promise<boolean>;
  remove: (id: string) => Promise<void>;
  reattach: (id: string) => Promise<{ ok: boolean; message?: string }>;
  /** Calls back whenever this tab's highlights may have changed; returns the unsubscribe function. */
  subscribe: (onChange: () => void) => () => void;
}

const QUOTE_PREVIEW = 220;

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_PREVIEW ? `${flat.slice(0, QUOTE_PREVIEW)}…` : flat;
}

function HighlightItem({ state, services, onMessage }: { state: HighlightState; services: HighlightServices; onMessage: (m: string | null) => void }) {
  const { record, status } = state;
  const quote = preview(record.target.quote.exact);
  return (
    <li class={`highlight highlight-${record.color} status-${status}`}>
      <span class="swatch" data-color={record.color} title={COLOR_LABELS[record.color]} aria-hidden="true" />
      <div class="highlight-body">
        {status === 'anchored' ? (
          <button type="button" class="quote-button" onClick={async () => onMessage((await services.scrollTo(record.id)) ? null : 'That highlight is no longer on the page.')}>
            <q>{quote}</q>
          </button>
        ) : (
          <q class="quote-text">{quote}</q>
        )}
        {record.note && <p class="note">{record.note}</p>}
        {record.tags.length > 0 && (
          <ul class="tags" aria-label="Tags">
            {record.tags.map((tag) => <li key={tag}>#{tag}</li>)}
          </ul>
        )}
        {status === 'pending' && <p class="muted">Looking for it on the page…</p>}
        {status === 'orphan' && (
          <div class="orphan">
            <p>Not found on this page</p>
            <div class="actions">
              <button type="button" onClick={async () => { const r = await services.reattach(record.id); onMessage(r.ok ? null : r.message ?? 'Could not re-attach.'); }}>
                Re-attach to selection
              </button>
              <button type="button" class="danger" onClick={() => void services.remove(record.id)}>Delete</button>
            </div>
          </div>
        )}
      </div>
    </li>
  );
}

/** The page's highlights in document order; orphans stay listed with their quote. */
export function HighlightsRegion({ services }: { services: HighlightServices }) {
  const [result, setResult] = useState<TabHighlightsResult | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = useCallback(async () => setResult(await services.load()), [services]);
  useEffect(() => {
    void refresh();
    return services.subscribe(() => void refresh());
  }, [services, refresh]);

  let body;
  if (!result) body = <p class="muted">Loading highlights…</p>;
  else if (!result.ok) body = <p class="muted">Reload the page to highlight on it: it was open before Gloss was installed or updated.</p>;
  else if (result.highlights.length === 0) body = <p class="muted">Select text on the page and choose Highlight, or press Alt+Shift+H.</p>;
  else body = (
    <ul class="highlight-list">
      {result.highlights.map((state) => <HighlightItem key={state.record.id} state={state} services={services} onMessage={setMessage} />)}
    </ul>
  );
  return (
    <section class="highlights" aria-labelledby="highlights-title">
      <h2 id="highlights-title" class="section-title">Highlights{result?.ok && result.highlights.length > 0 ? ` (${result.highlights.length})` : ''}</h2>
      {message && <p class="scroll-note" role="status">{message}</p>}
      {body}
    </section>
  );
}
