/**
 * The side panel's own channel: the port it keeps open to the background while it shows a tab, and the
 * `reading-position` broadcast a page sends while a panel watches it (listed in contract.ts's broadcasts).
 */

const isTabId = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
const isObject = (value: unknown) => typeof value === 'object' && value !== null;

/** A heading of the live page, as `reading-position` reports it. */
export interface ReadingPosition {
  liveIndex: number;
  text: string;
}

/** The port a side panel keeps open to the background while it shows a tab, named so. */
export const SIDE_PANEL_PORT = 'gloss-side-panel';

/**
 * What a side panel says over its port: the tab whose reading position it wants (or none), and which
 * of the page's headings make the article's outline (indexes among its h1–h6). Only those count: a
 * sidebar's headings, positioned anywhere, would otherwise mark a section the article does not have.
 */
export interface SidePanelPortMessage {
  type: 'watch-reading-position';
  tabId: number | null;
  headings: number[];
}

/** More outline headings than any article has; the rest are not watched. */
export const MAX_WATCHED_HEADINGS = 5_000;

/** Whether a message on the side panel's port is well formed. */
export function isSidePanelPortMessage(message: unknown): message is SidePanelPortMessage {
  if (!isObject(message)) return false;
  const { type, tabId, headings } = message as { type?: unknown; tabId?: unknown; headings?: unknown };
  return (
    type === 'watch-reading-position' &&
    (tabId === null || isTabId(tabId)) &&
    Array.isArray(headings) &&
    headings.length <= MAX_WATCHED_HEADINGS &&
    headings.every(isTabId)
  );
}

/** The `reading-position` broadcast, as GlossBroadcast<'reading-position'> spells it. */
export interface ReadingPositionEvent {
  type: 'reading-position';
  heading: ReadingPosition | null;
}

/** Whether a `reading-position` broadcast is well formed (it comes from a page, so it is checked like a request). */
export function isReadingPositionEvent(message: unknown): message is ReadingPositionEvent {
  if (!isObject(message) || (message as { type?: unknown }).type !== 'reading-position') return false;
  const { heading } = message as { heading?: unknown };
  if (heading === null) return true;
  if (!isObject(heading)) return false;
  const { liveIndex, text } = heading as { liveIndex?: unknown; text?: unknown };
  return isTabId(liveIndex) && typeof text === 'string' && text.length <= 2_000;
}
