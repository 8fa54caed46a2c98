import type { AnnotationTarget } from '../anchoring/types';
import type { ArticleExtraction } from '../article/extract-article';
import type { EntityDetails } from '../entities/entity-details';
import type { MentionQuote } from '../entities/locate-mentions';
import type { PickScope } from '../entities/alias-picks';
import type { PageEntities } from '../entities/page-entities';
import type { ActorSuggestion } from '../entities/search-actors';
import type { TaggableKind } from '../entities/taggable-kinds';
import type { EntityKind, FoundBy, IndicatorType } from '../entities/types';
import type { AttackIdQuery } from '../export/attack-ids';
import type { PlaceFacts } from '../export/place-facts';
import type { ExportFormat } from '../export/export-files';
import type { IndicatorFanging, IndicatorListFormat } from '../export/indicator-list';
import type { ActorProfile } from '../export/page-export';
import type { AnnotationChanges } from '../storage/annotation-store';
import type { AnnotationRecord, HighlightColor } from '../storage/records';
import type { GlossSettings } from '../settings/gloss-settings';
import type { StoredCounts } from '../storage/storage-summary';
import type { SyncSetup, SyncStatus, SyncView } from '../sync/sync-status';
import type { UnreadableReason } from '../url/page-access';
import type { Outcome } from './outcome';
import type { HighlightState } from './tab-commands';
import type { PdfReadingProgress } from '../pdf-viewer/pdf-tab-analysis';

/**
 * What the popup receives about a tab: the article without its full text (the background keeps it),
 * and the entities found in it, or null while the dictionaries are still being built (the popup then
 * asks for them with `tab-entities`, so the outline does not wait).
 */
export type PageAnalysis = Omit<ArticleExtraction, 'textContent'> & { url: string; entities: PageEntities | null; pdf?: PdfFacts };

/** A PDF shown in Gloss's viewer: what the popup says about the document besides an article's details. */
export interface PdfFacts {
  pageCount: number;
  documentKey: string | null;
  fileName: string;
  /** Opened from the computer, not from a web address. */
  local: boolean;
}

/** Identifies a heading on the live page: its index among h1–h6, checked against its text. */
export interface HeadingTarget {
  liveIndex: number | null;
  text: string;
  /** A PDF's outline entries lead to a page (lib/pdf/pdf-outline.ts). */
  pageNumber?: number | null;
}

export type AnalyzeTabResult =
  | { ok: true; analysis: PageAnalysis }
  | { ok: false; reason: UnreadableReason; url: string | null; detail?: string }
  /** Gloss's PDF viewer is still reading the document's text; `progress` is null before its first page. */
  | { ok: false; reason: 'reading-pdf'; url: null; progress: PdfReadingProgress | null };

export type ScrollToHeadingResult = { found: boolean };

/** The part of an entity that tagging needs. */
export interface EntityRef {
  kind: EntityKind;
  name: string;
  canonical: string;
}

/** One mention to mark in the page: its kind (for the colour) and its words with their context. */
export interface EntityMark {
  kind: EntityKind;
  quote: MentionQuote;
}

export type TabEntitiesResult = { ok: true; entities: PageEntities } | { ok: false; message: string };

export interface SavedPageSummary {
  url: string;
  title: string;
  siteName: string | null;
}

export type EntityDetailsResult = EntityDetails & {
  /** Saved pages that mention the actor under any name (threat actors only), newest first. */
  pages: SavedPageSummary[];
};

/**
 * A name of the entity that may mean several actors, and the pick in force for it (as `tab-entities`
 * gave it): the background lists every candidate itself, from its own data.
 */
export interface AmbiguousNameRef {
  name: string;
  pick: { actor: string; scope: PickScope } | null;
}

/** A new actor named by the user, or a name linked to a known actor (`linkTo`, its canonical name). */
export interface ActorToAdd {
  name: string;
  aliases: string[];
  linkTo: string | null;
}

export type TabHighlightsResult =
  { ok: true; pageUrl: string; highlights: HighlightState[] } | { ok: false; reason: 'no-content-script' | 'not-a-page' };

/** One page's export, ready to download or copy. */
export type PageExportResult = { ok: true; fileName: string; mimeType: string; text: string } | { ok: false; message: string };

export interface PageDetailsMessage {
  title: string;
  siteName: string | null;
}

/**
 * Every request sent to the background, with its reply type. Requests from content scripts name no
 * page: the background files them under the sender's own (normalised) address.
 */
export interface GlossRequests {
  'analyze-tab': { request: { tabId: number }; response: AnalyzeTabResult };
  'scroll-to-heading': { request: { tabId: number; target: HeadingTarget }; response: ScrollToHeadingResult };
  'page-annotations': { request: object; response: AnnotationRecord[] };
  'load-highlighter': { request: object; response: boolean };
  'create-annotation': {
    request: { target: AnnotationTarget; color?: HighlightColor; note?: string; tags?: string[]; page: PageDetailsMessage };
    response: AnnotationRecord | null;
  };
  'update-annotation': { request: { id: string; changes: AnnotationChanges }; response: AnnotationRecord | null };
  'retarget-annotation': { request: { id: string; target: AnnotationTarget }; response: AnnotationRecord | null };
  'delete-annotation': { request: { id: string }; response: AnnotationRecord | null };
  'restore-annotation': { request: { record: AnnotationRecord }; response: AnnotationRecord | null };
  'tab-highlights': { request: { tabId: number }; response: TabHighlightsResult };
  'scroll-to-highlight': { request: { tabId: number; id: string }; response: { found: boolean } };
  'reattach-highlight': { request: { tabId: number; id: string }; response: Outcome };
  'tab-entities': { request: { tabId: number }; response: TabEntitiesResult };
  'entity-details': {
    request: {
      entity: EntityRef & {
        aliases: string[];
        attackId?: string;
        candidates?: string[];
        foundBy?: FoundBy;
        ambiguous?: AmbiguousNameRef[];
        /** An indicator's type, for why it is there ("A SHA-256 hash: …"). */
        indicatorType?: IndicatorType;
      };
    };
    response: EntityDetailsResult;
  };
  /**
   * Caller: extension pages (popup, side panel). Picks which actor `name` (a name that may mean several)
   * means on the tab's page, or on every page; `actor: null` clears the pick of that reach. The answer's
   * message says what changed, or why the pick was refused (not a name of that actor).
   */
  'pick-alias': {
    request: { tabId: number; name: string; actor: string | null; scope: PickScope; page: PageDetailsMessage };
    response: { ok: boolean; message: string };
  };
  'tag-entity': {
    request: { tabId: number; entity: EntityRef; verdict: 'confirmed' | 'rejected' | null; page: PageDetailsMessage };
    response: Outcome;
  };
  'add-actor': { request: { tabId: number; actor: ActorToAdd; page: PageDetailsMessage }; response: Outcome };
  /**
   * Caller: extension pages (popup). Confirms `text` (what the person selected in the tab) as an entity
   * of `kind` on the tab's page; the reply's message says what it was kept as, or why it was refused.
   */
  'tag-selection': {
    request: { tabId: number; kind: TaggableKind; text: string; page: PageDetailsMessage };
    response: Required<Outcome>;
  };
  'suggest-actors': { request: { query: string }; response: ActorSuggestion[] };
  'pages-for-actor': { request: { name: string }; response: SavedPageSummary[] };
  'tab-selection': { request: { tabId: number }; response: { text: string } };
  'mark-entities': { request: { tabId: number; marks: EntityMark[]; focus: number | null }; response: { located: boolean[] } };
  'focus-entity-mark': { request: { tabId: number; index: number }; response: { found: boolean } };
  'clear-entity-marks': { request: { tabId: number }; response: { ok: boolean } };
  'entity-marks-shown': { request: { tabId: number }; response: { shown: boolean } };
  'export-page': { request: { tabId: number; format: ExportFormat }; response: PageExportResult };
  /**
   * Caller: extension pages (popup). The indicators the tab's article shows (rejected ones left out),
   * refanged or defanged, as text or CSV, with their type and the sentence around them.
   */
  'export-indicators': {
    request: { tabId: number; format: IndicatorListFormat; fanging: IndicatorFanging; page: PageDetailsMessage };
    response: PageExportResult;
  };
  'actor-profiles': { request: { keys: string[] }; response: ActorProfile[] };
  /** ATT&CK ids of software and techniques, from the data the background holds; null where unknown. */
  'attack-ids': { request: { entities: AttackIdQuery[] }; response: (string | null)[] };
  /** Country codes and STIX regions of confirmed places, from the list the background holds; null where unknown. */
  'place-facts': { request: { names: string[] }; response: (PlaceFacts | null)[] };
  /** Opens a saved page (or switches to its tab) and scrolls to one of its highlights. */
  'open-saved-page': { request: { url: string; annotationId: string | null }; response: Outcome };
  /**
   * The library changed stored data (import, tag rename): open tabs repaint, the dictionaries reload; after
   * an import that wrote settings or paused sites, every tab hears the settings and the sites' tabs pause.
   */
  'library-changed': {
    request: { pageUrls: string[]; actorsChanged: boolean; entitiesChanged?: boolean; settingsChanged?: boolean; pausedSites?: string[] };
    response: { ok: boolean };
  };
  /**
   * Caller: content script (the always-on loader, at start and on resume). Whether Gloss is paused on
   * the sender's own site, whether its own page has highlights (false when paused), and the settings the
   * page follows (toolbar on or off, default colour): one message at start.
   */
  'site-status': { request: object; response: { paused: boolean; hasAnnotations: boolean; settings: GlossSettings } };
  /** Caller: extension pages (popup). The site of a tab (null for non-web pages) and whether Gloss is paused there. */
  'tab-site-pause': { request: { tabId: number }; response: { site: string | null; paused: boolean } };
  /** Caller: extension pages (popup, library). Pauses or resumes Gloss on a site; its open tabs follow at once. */
  'set-site-paused': { request: { site: string; paused: boolean }; response: Outcome };
  /** Caller: extension pages (the settings page). Stores some settings; every open tab follows at once. */
  'set-settings': { request: { changes: Partial<GlossSettings> }; response: GlossSettings };
  /**
   * Caller: extension pages (the settings page, after the person confirmed). Deletes every record but the
   * welcome page's; open tabs repaint, paused sites start again, settings go back to their defaults.
   */
  'erase-everything': { request: object; response: { erased: StoredCounts } };
  /** Caller: extension pages (the library's Sync region). The sync account without its secrets, and the last status. */
  'sync-view': { request: object; response: SyncView };
  /** Caller: extension pages. Saves the account (an empty password or passphrase keeps the stored one) and syncs. */
  'sync-set-up': { request: { setup: SyncSetup }; response: SyncStatus };
  /** Caller: extension pages. Syncs now (or joins the sync running). */
  'sync-now': { request: object; response: SyncStatus };
  /** Caller: extension pages. Turns automatic and manual sync off; the account stays. */
  'sync-off': { request: object; response: SyncStatus };
  /** Caller: extension pages. Forgets the server address, user name, password and passphrase. */
  'sync-forget': { request: object; response: SyncStatus };
  /** Caller: extension pages, after the person confirmed. Empties the sync folder and fills it from this device. */
  'sync-start-over': { request: object; response: SyncStatus };
  /**
   * Caller: extension pages (Gloss's in-page UI frame, for its tag field's suggestions). Every tag some
   * highlight carries. Never a content script: the page around it must not learn the reader's tags.
   */
  'tags-in-use': { request: object; response: string[] };
  /**
   * Caller: Gloss's PDF viewer (pdf.html) only. The highlights of the PDF with this document key, wherever
   * it was opened from, and the PDF highlights filed under `address` (the http(s) address the viewer
   * opened it from, or null for a local file).
   */
  'pdf-annotations': { request: { documentKey: string; address: string | null }; response: AnnotationRecord[] };
  /**
   * Caller: Gloss's PDF viewer (pdf.html) only; never a web page. Stores a highlight on the PDF with this
   * document key: filed under the page already kept for the key, else under `address`, else the key.
   */
  'create-pdf-annotation': {
    request: {
      documentKey: string;
      address: string | null;
      target: AnnotationTarget;
      color?: HighlightColor;
      note?: string;
      tags?: string[];
      page: PageDetailsMessage;
    };
    response: AnnotationRecord | null;
  };
}

export type { ExportFormat };
export type { HighlightState, TabCommand, TabCommands, TabCommandType } from './tab-commands';
export type { AnnotationsChangedEvent, GlossBroadcast, GlossBroadcasts, GlossBroadcastType, SitePauseChangedEvent } from './broadcasts';
export type GlossRequestType = keyof GlossRequests;
export type GlossRequest<K extends GlossRequestType = GlossRequestType> = K extends GlossRequestType
  ? { type: K } & GlossRequests[K]['request']
  : never;
export type GlossResponse<K extends GlossRequestType> = GlossRequests[K]['response'];

const isObject = (value: unknown) => typeof value === 'object' && value !== null;

/**
 * The background's reply when it refuses a request or its handler fails, instead of the reply type;
 * sendRequest (extension/send-request.ts) turns it into a thrown Error with this message.
 */
export interface GlossErrorReply {
  glossError: string;
}

export function isGlossErrorReply(reply: unknown): reply is GlossErrorReply {
  return isObject(reply) && typeof (reply as { glossError?: unknown }).glossError === 'string';
}

export {
  isReadingPositionEvent,
  isSidePanelPortMessage,
  MAX_WATCHED_HEADINGS,
  SIDE_PANEL_PORT,
  type ReadingPosition,
  type SidePanelPortMessage,
} from './side-panel-port';

/** The page reader's answer, from inside the tab. */
export type PageReaderResult =
  { ok: true; extraction: ArticleExtraction; url: string } | { ok: false; reason: UnreadableReason; detail?: string };
