import { useCallback, useLayoutEffect, useState } from 'preact/hooks';
import type { HighlightState, TabHighlightsResult } from '@/lib/messaging/contract';
import { previewList } from '@/lib/popup/preview-list';
import { HighlightItem } from './highlight-item';
import type { HighlightServices } from './popup-services';
import { ShowAllButton } from './show-all-button';
import { useDeletionUndo } from './use-deletion-undo';

/**
 * The page's highlights in document order; orphans stay listed with their quote. Each can be edited or
 * deleted here; a deletion can be undone until the next one. With `limit`, a long list shows that many
 * and then "Show all (n)".
 */
export function HighlightsRegion({ services, limit = Infinity }: { services: HighlightServices; limit?: number }) {
  const [result, setResult] = useState<TabHighlightsResult | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [expanded, setExpanded] = useState(false);
  const { notice, onDeleted } = useDeletionUndo(services.restore);
  const refresh = useCallback(async () => setResult(await services.load()), [services]);
  // A layout effect, not an effect: Preact runs effects after the next animation frame, which a popup or
  // panel in a hidden tab does not get (and whose timers the browser slows to one a second), so the list
  // waited seconds there. Asking at once costs nothing where frames do come.
  useLayoutEffect(() => {
    void refresh();
    return services.subscribe(() => void refresh());
  }, [services, refresh]);

  let body;
  if (!result) body = <p class="muted">Loading highlights…</p>;
  else if (!result.ok) body = <p class="muted">Reload the page to highlight on it: it was open before Gloss was installed or updated.</p>;
  else if (result.highlights.length === 0) body = <p class="muted">Select text on the page and choose Highlight, or press Alt+Shift+H.</p>;
  else {
    const { shown, collapsible } = previewList(result.highlights, limit, expanded);
    body = (
      <>
        <ul class="highlight-list">
          {shown.map((state: HighlightState) => (
            <HighlightItem
              key={state.record.id}
              state={state}
              services={services}
              onMessage={setMessage}
              onDeleted={(gone) => onDeleted(gone.record)}
            />
          ))}
        </ul>
        {collapsible && (
          <ShowAllButton total={result.highlights.length} expanded={expanded} onToggle={() => setExpanded(!expanded)} of="highlights" />
        )}
      </>
    );
  }
  const count = result?.ok && result.highlights.length > 0 ? ` (${result.highlights.length})` : '';
  return (
    <section class="highlights" aria-labelledby="highlights-title">
      <h2 id="highlights-title" class="section-title">
        Highlights{count}
      </h2>
      {notice}
      {message && (
        <p class="scroll-note" role="status">
          {message}
        </p>
      )}
      {body}
    </section>
  );
}
