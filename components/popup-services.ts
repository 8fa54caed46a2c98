/**
 * What the popup and the side panel ask of the extension, as interfaces: the components take them as
 * props (tests pass fakes), and extension/popup/ implements them with background requests. Kept apart
 * from the components so that neither side imports the other's files.
 */
import type { PageEntity } from '@/lib/entities/page-entities';
import type { ActorSuggestion } from '@/lib/entities/search-actors';
import type { TaggableKind } from '@/lib/entities/taggable-kinds';
import type { IndicatorFanging, IndicatorListFormat } from '@/lib/export/indicator-list';
import type {
  ActorToAdd,
  AnalyzeTabResult,
  EntityDetailsResult,
  EntityMark,
  ExportFormat,
  PageDetailsMessage,
  PageExportResult,
  ReadingPosition,
  SavedPageSummary,
  TabEntitiesResult,
  TabHighlightsResult,
} from '@/lib/messaging/contract';
import type { Outcome } from '@/lib/messaging/outcome';
import type { OutlineItem } from '@/lib/outline/live-outline';
import type { AnnotationChanges } from '@/lib/storage/annotation-store';
import type { AnnotationRecord } from '@/lib/storage/records';
import type { PickScope } from '@/lib/entities/alias-picks';

/** The popup's and side panel's: the tab, its article, and the services of each region. */
export interface PopupServices {
  /** Resolves the tab this popup describes. */
  resolveTabId: () => Promise<number | null>;
  analyzeTab: (tabId: number) => Promise<AnalyzeTabResult>;
  scrollToHeading: (tabId: number, item: OutlineItem) => Promise<boolean>;
  /** The highlights of one tab; absent in tests that only cover reading. */
  highlightsFor?: (tabId: number) => HighlightServices;
  /** The entities of one tab; absent in tests that only cover reading. */
  entitiesFor?: (tabId: number, page: PageDetailsMessage) => EntityServices;
  /** Exports of one tab's saved page; absent in tests that only cover reading. */
  exportsFor?: (tabId: number) => ExportServices;
  /** "Pause Gloss on this site"; absent in tests that only cover reading. */
  sitePause?: SitePauseServices;
  /** Opens the browser's side panel (called in the click's own handler: browsers ask for a gesture); absent where there is none. */
  openSidePanel?: () => void;
  /** Shows the PDF a tab shows in Gloss's own viewer, in that tab; absent in tests that only cover reading. */
  openPdfInGloss?: (tabId: number, url: string) => Promise<void>;
  /**
   * While Gloss's PDF viewer in the tab reads its text: calls back with its progress, and with `ready`
   * once it is done, until the returned function is called.
   */
  watchPdfReading?: (tabId: number, onProgress: (progress: { pagesRead: number; pageCount: number; ready: boolean }) => void) => () => void;
  /**
   * Side panel: reports the section being read in the tab, among these headings (the outline's indexes
   * among the page's h1–h6), until the returned function is called.
   */
  watchReadingPosition?: (tabId: number, headings: number[], onPosition: (position: ReadingPosition | null) => void) => () => void;
  /** Side panel: reports the page being read in Gloss's PDF viewer in the tab, until the returned function is called. */
  watchPdfReadingPosition?: (tabId: number, onPage: (pageNumber: number) => void) => () => void;
}

/** The Entities region's: the tab's entities, their marks in the page, tags, actors and the indicator file. */
export interface EntityServices {
  refresh: () => Promise<TabEntitiesResult>;
  details: (entity: PageEntity) => Promise<EntityDetailsResult>;
  tag: (entity: PageEntity, verdict: 'confirmed' | 'rejected' | null) => Promise<Outcome>;
  addActor: (actor: ActorToAdd) => Promise<Outcome>;
  /** Keeps (or with `actor` null, clears) the pick of which actor an ambiguous name means, here or everywhere. */
  pickAlias: (name: string, actor: string | null, scope: PickScope) => Promise<Required<Outcome>>;
  /** Confirms text as an entity of any kind but threat actor; the message says what it was kept as, or why not. */
  tagSelection: (kind: TaggableKind, text: string) => Promise<Required<Outcome>>;
  suggest: (query: string) => Promise<ActorSuggestion[]>;
  selection: () => Promise<string>;
  mark: (marks: EntityMark[], focus: number | null) => Promise<boolean[]>;
  focus: (index: number) => Promise<boolean>;
  clearMarks: () => Promise<void>;
  /** Whether the page shows entity marks already (left by an earlier popup). */
  marksShown: () => Promise<boolean>;
  /** The page's indicators as a file (text or CSV), refanged or defanged, with types and context. */
  exportIndicators: (format: IndicatorListFormat, fanging: IndicatorFanging) => Promise<PageExportResult>;
  save: (file: { fileName: string; mimeType: string; data: string }) => void;
  copy: (text: string) => Promise<boolean>;
  /** Saved pages that mention an actor under any of its names. */
  pagesForActor: (name: string) => Promise<SavedPageSummary[]>;
  /**
   * Calls back when verdicts, the user's actors or alias picks that this tab's entities depend on changed
   * elsewhere (another popup, the side panel, the library, sync); returns the unsubscribe function.
   */
  subscribe: (onChange: () => void) => () => void;
}

/** The Highlights region's, for one tab. */
export interface HighlightServices {
  load: () => Promise<TabHighlightsResult>;
  scrollTo: (id: string) => Promise<boolean>;
  /** Stores changes through the background, which repaints the page; null when the highlight is gone. */
  update: (id: string, changes: AnnotationChanges) => Promise<AnnotationRecord | null>;
  remove: (id: string) => Promise<void>;
  /** Puts a deleted highlight back (undo). */
  restore: (record: AnnotationRecord) => Promise<void>;
  reattach: (id: string) => Promise<Outcome>;
  /** Calls back whenever this tab's highlights may have changed; returns the unsubscribe function. */
  subscribe: (onChange: () => void) => () => void;
}

/** The export bar's, for one tab's saved page. */
export interface ExportServices {
  exportPage: (format: ExportFormat) => Promise<PageExportResult>;
  save: (file: { fileName: string; mimeType: string; data: string }) => void;
  copy: (text: string) => Promise<boolean>;
  openLibrary: () => void;
}

/** Whether Gloss is paused on a tab's site; `site` is null for pages that are not web pages. */
export interface SitePauseStatus {
  site: string | null;
  paused: boolean;
}

/** The popup's "Pause Gloss on this site"; the extension implements it with background requests. */
export interface SitePauseServices {
  status: (tabId: number) => Promise<SitePauseStatus>;
  /** Rejects, with a message for people, when the setting could not be changed. */
  setPaused: (site: string, paused: boolean) => Promise<void>;
}
