import { browser } from 'wxt/browser';
import type { GlossBroadcast, ReadingPosition } from '@/lib/messaging/contract';
import { headingElements, normalizeHeadingText } from '@/lib/outline/headings';
import { lastHeadingAbove, readingLineRootMargin } from '@/lib/outline/section-in-view';

/** What /reading-position.js publishes in the content scripts' isolated world, for the background to start and stop. */
export interface ReadingPositionWatcher {
  start: () => void;
  stop: () => void;
}

const KEY = '__glossReadingPosition';

export function publishedReadingPosition(): ReadingPositionWatcher | undefined {
  return (globalThis as Record<string, unknown>)[KEY] as ReadingPositionWatcher | undefined;
}

export function publishReadingPosition(watcher: ReadingPositionWatcher): void {
  (globalThis as Record<string, unknown>)[KEY] = watcher;
}

/**
 * Tells a side panel which section of the page is being read, cheaply: one IntersectionObserver on the
 * page's headings whose root ends at the reading line (lib/outline/section-in-view.ts), so the browser
 * calls back only when a heading crosses that line, and a message goes out only when the section
 * changes. Nothing scrolls, measures or listens while no panel watches this tab: the background starts
 * it when a panel shows the tab and stops it when the panel moves on or closes.
 */
export function createReadingPositionWatcher(
  report: (heading: ReadingPosition | null) => void = (heading) => {
    const event: GlossBroadcast<'reading-position'> = { type: 'reading-position', heading };
    browser.runtime.sendMessage(event).catch(() => undefined);
  },
): ReadingPositionWatcher {
  let observer: IntersectionObserver | null = null;
  let stopRequested = false;

  const stop = () => {
    stopRequested = true;
    observer?.disconnect();
    observer = null;
  };

  const start = () => {
    stop();
    stopRequested = false;
    const headings = headingElements(document.body ?? document);
    const indexOf = new Map(headings.map((element, index) => [element, index]));
    const above = headings.map(() => false);
    let reported: number | null | undefined; // undefined: nothing reported yet
    observer = new IntersectionObserver((entries) => {
      if (stopRequested) return;
      for (const entry of entries) {
        const index = indexOf.get(entry.target);
        if (index !== undefined) above[index] = entry.isIntersecting;
      }
      const current = lastHeadingAbove(above);
      if (current === reported) return;
      reported = current;
      report(current === null ? null : { liveIndex: current, text: normalizeHeadingText(headings[current].textContent ?? '') });
    }, { rootMargin: readingLineRootMargin() });
    for (const heading of headings) observer.observe(heading);
    // A page without headings has no sections: say so once, so the panel does not wait.
    if (headings.length === 0) report(null);
  };

  return { start, stop };
}
