import type { PageHighlights } from './page-highlights';

const QUIET_MS = 300;
const MAX_QUIET_MS = 5000;
const SETTLE_CHECK_MS = 2000;

/**
 * Keeps highlights in place as the page changes: re-anchors after DOM changes settle (debounced, and
 * backing off on pages that never stop changing), and reloads them on single-page-app navigation.
 * The DOM is only observed while the page has highlights; call `sync` when that may have changed.
 */
export function watchPageChanges(highlights: PageHighlights, reload: () => void, signal: AbortSignal): { sync: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let quietMs = QUIET_MS;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!highlights.needsReanchoring()) return;
      const before = highlights.states().filter((state) => state.status === 'anchored').length;
      highlights.reanchor();
      const after = highlights.states().filter((state) => state.status === 'anchored').length;
      // A page that keeps changing without bringing any highlight back is checked less and less often.
      quietMs = after > before ? QUIET_MS : Math.min(quietMs * 2, MAX_QUIET_MS);
    }, quietMs);
  });
  let observing = false;
  const sync = () => {
    const wanted = highlights.count > 0 && document.body !== null && !signal.aborted;
    if (wanted === observing) return;
    observing = wanted;
    if (wanted) observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    else observer.disconnect();
  };

  // Highlights still pending once the page has had time to render are declared orphans.
  const settle = setTimeout(() => {
    if (highlights.states().some((s) => s.status === 'pending')) highlights.reanchor();
  }, SETTLE_CHECK_MS);

  // Pages are keyed without their fragment, so only a change of the rest is a navigation.
  const address = () => location.href.split('#')[0];
  let lastUrl = address();
  const onNavigate = () => {
    if (address() === lastUrl) return;
    lastUrl = address();
    reload();
  };
  window.addEventListener('popstate', onNavigate, { signal });
  // pushState/replaceState fire no event in the content script's world; poll the address cheaply.
  const poll = setInterval(onNavigate, 1000);

  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
    clearTimeout(settle);
    clearInterval(poll);
  });
  return { sync };
}
