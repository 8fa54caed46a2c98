import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { LoadingIndicator } from './loading-indicator';
import { PopupApp } from './popup-app';
import type { PopupServices } from './popup-services';

export interface SidePanelServices {
  /** Calls back with the tab to show, at once and whenever it changes or reloads; returns the unsubscribe function. */
  follow: (onTab: (tabId: number | null) => void) => () => void;
  /** What the panel asks about one tab (null: no tab to show), the reading position included. */
  readerFor: (tabId: number | null) => PopupServices;
}

/**
 * The side panel: the reader's home while reading. It shows what the popup shows for the tab in front,
 * follows it as the person switches tabs or the page navigates (reading each page afresh), and marks the
 * section being read in the outline. Highlights update live as they change anywhere.
 */
export function SidePanelApp({ services }: { services: SidePanelServices }) {
  const [shown, setShown] = useState<{ tabId: number | null; visit: number } | null>(null);
  useLayoutEffect(() => services.follow((tabId) => setShown((before) => ({ tabId, visit: (before?.visit ?? 0) + 1 }))), [services]);
  const reader = useMemo(() => (shown ? services.readerFor(shown.tabId) : null), [services, shown]);
  if (!shown || !reader) return <LoadingIndicator />;
  return <PopupApp key={shown.visit} services={reader} layout="panel" />;
}
