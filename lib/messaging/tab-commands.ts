/** What the background asks of a tab's content script (its highlighter), and the replies. */
import type { AnnotationRecord, HighlightColor } from '../storage/records';
import type { GlossSettings } from '../settings/gloss-settings';
import type { Outcome } from './outcome';

/** A highlight as the page currently shows it: found (with its place in the text) or orphaned. */
export interface HighlightState {
  record: AnnotationRecord;
  status: 'anchored' | 'orphan' | 'pending';
  /** Where it sits in the page's text index, for document order; the stored position for orphans. */
  start: number;
  end: number;
}

/** Messages the background sends to a tab's content script, with their reply types. */
export interface TabCommands {
  /**
   * Highlights the selection in `color`; without a selection, the in-page UI says what to do, naming
   * the `shortcut` when the person pressed one.
   */
  'highlight-selection': { request: { color?: HighlightColor; shortcut?: string | null }; response: { ok: boolean } };
  /** The step-through shortcut: focus the highlight nearest the view; N and P then move between them. */
  'step-highlights': { request: object; response: { ok: boolean } };
  'highlight-states': { request: object; response: HighlightState[] };
  'scroll-to-highlight': { request: { id: string }; response: { found: boolean } };
  'reattach-to-selection': { request: { id: string }; response: Outcome };
  /** The stored highlights of the tab's page changed (in another tab, the popup or the library): reload them. */
  'page-annotations-changed': { request: { pageUrl: string }; response: void };
  /** Gloss was paused (stop everything) or resumed (start as on load) on the tab's site. */
  'site-paused-changed': { request: { paused: boolean }; response: void };
  /** The settings changed on the settings page: the toolbar comes or goes, the default colour changes. */
  'settings-changed': { request: { settings: GlossSettings }; response: void };
}

export type TabCommandType = keyof TabCommands;
export type TabCommand<K extends TabCommandType = TabCommandType> = K extends TabCommandType
  ? { type: K; gloss: 'tab-command' } & TabCommands[K]['request']
  : never;
