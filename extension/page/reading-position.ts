import { browser } from 'wxt/browser';
import type { GlossBroadcast, ReadingPosition } from '@/lib/messaging/contract';
import { headingElements, normalizeHeadingText } from '@/lib/outline/headings';
import { lastHeadingAbove, readingLineRootMargin } from '@/lib/outline/section-in-view';

/** What /reading-position.js publishes in the content scripts' isolated world, for the background to start and stop. */
export interface ReadingPositionWatcher {
  /** Watches these headings (indexes among the page's h1–h6: the article's outline); restarts if running. */
  start: (headings: number[]) => void;
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
 * Tells a side panel which section of the article is being read, cheaply: one IntersectionObserver on
 * the article's headings (those of the panel's outline) whose root ends at the reading line (lib/outline/section-in-view.ts), so the browser
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

  const start = (liveIndexes: number[]) => {
    stop();
    stopRequested = false;
    const all = headingElements(document.body ?? document);
    // Document order, as lastHeadingAbove expects; indexes the page no longer has are left out.
    const watched = [...new Set(liveIndexes)].sort((a, b) => a - b).filter((index) => index < all.length);
    const headings = watched.map((index) => all[index]);
    const indexOf = new Map(headings.map((element, position) => [element, position]));
    const above = headings.map(() => false);
    let reported: number | null | undefined; // undefined: nothing reported yet
    observer = new IntersectionObserver(
      (entries) => {
        if (stopRequested) return;
        for (const entry of entries) {
          const index = indexOf.get(entry.target);
          if (index !== undefined) above[index] = entry.isIntersecting;
        }
        const current = lastHeadingAbove(above);
        if (current === reported) return;
        reported = current;
        report(current === null ? null : { liveIndex: watched[current], text: normalizeHeadingText(headings[current].textContent ?? '') });
      },
      { rootMargin: readingLineRootMargin() },
    );
    for (const heading of headings) observer.observe(heading);
    // An outline without headings has no sections: say so once, so the panel does not wait.
    if (headings.length === 0) report(null);
  };

  return { start, stop };
}
