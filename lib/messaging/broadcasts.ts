/** What the background and the page scripts announce to every extension page, with no reply. */
import type { GlossSettings } from '../settings/gloss-settings';
import type { SyncStatus } from '../sync/sync-status';
import type { ReadingPosition } from './side-panel-port';

/**
 * Broadcasts: sent with runtime.sendMessage to every extension page, with no reply. Listeners check who
 * sent them (extension/background/callers.ts), since any of Gloss's contexts can send anything.
 */
export interface GlossBroadcasts {
  /**
   * From a content script (top frame), or Gloss's PDF viewer (pdf.html, top frame): its highlights were placed
   * or re-anchored; the popup of that tab refreshes.
   */
  'highlights-placed': { event: object; response: void };
  /** From the background: the stored highlights of these pages changed; the popup and the library refresh. */
  'annotations-changed': { event: { pageUrls: string[] }; response: void };
  /**
   * From the background: entity verdicts, the user's actors or alias picks changed, on these pages (null:
   * on every page, as a new actor or a pick for every page does); the popup, side panel and library
   * refresh what they show of entities.
   */
  'entities-changed': { event: { pageUrls: string[] | null }; response: void };
  /** From the background: Gloss was paused or resumed on a site; the popup and the library follow. */
  'site-pause-changed': { event: { site: string; paused: boolean }; response: void };
  /** From the background: the settings changed (or were erased); another open settings page follows. */
  'settings-changed': { event: { settings: GlossSettings }; response: void };
  /** From the background: a sync started or finished; the Sync region shows the new status. */
  'sync-status-changed': { event: { status: SyncStatus }; response: void };
  /**
   * From a content script (top frame), only while a side panel watches its tab: the section being read,
   * as the last of the article's headings above the reading line (its index among the page's h1–h6 and
   * its text), or null above the first one.
   */
  'reading-position': { event: { heading: ReadingPosition | null }; response: void };
  /**
   * From the background: how far Gloss's PDF viewer in tab `tabId` has read (counts only, never text);
   * `ready` once its analysis is in, when a popup waiting on it reads the tab again.
   */
  'pdf-reading': { event: { tabId: number; pagesRead: number; pageCount: number; ready: boolean }; response: void };
  /**
   * From the background, only while a side panel watches tab `tabId` (Gloss's PDF viewer): the page being
   * read there, counted from 1, as the viewer reports it; the panel marks the outline entry of that page's
   * section. A number, never text.
   */
  'pdf-reading-position': { event: { tabId: number; pageNumber: number }; response: void };
  /** From the background, which lost its viewers (it was stopped): the viewer in `tabId` connects again. */
  'pdf-viewer-wanted': { event: { tabId: number }; response: void };
}

export type GlossBroadcastType = keyof GlossBroadcasts;
export type GlossBroadcast<K extends GlossBroadcastType = GlossBroadcastType> = K extends GlossBroadcastType
  ? { type: K } & GlossBroadcasts[K]['event']
  : never;

/** Sent to every extension page (popup, library) when a page's highlights change. */
export type AnnotationsChangedEvent = GlossBroadcast<'annotations-changed'>;
/** Sent to every extension page (popup, library) when Gloss is paused or resumed on a site. */
export type SitePauseChangedEvent = GlossBroadcast<'site-pause-changed'>;
