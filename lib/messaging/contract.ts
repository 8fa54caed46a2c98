import type { ArticleExtraction } from '../article/extract-article';
import type { UnreadableReason } from '../url/page-access';

/** What the popup receives about a tab: the article without its full text, which stays in the tab. */
export type PageAnalysis = Omit<ArticleExtraction, 'textContent'> & { url: string };

/** Identifies a heading on the live page: its index among h1–h6, checked against its text. */
export interface HeadingTarget {
  liveIndex: number | null;
  text: string;
}

export type AnalyzeTabResult =
  | { ok: true; analysis: PageAnalysis }
  | { ok: false; reason: UnreadableReason; url: string | null; detail?: string };

export type ScrollToHeadingResult = { found: boolean };

/** Every request the popup (and later the content script) sends to the background, with its reply type. */
export interface GlossRequests {
  'analyze-tab': { request: { tabId: number }; response: AnalyzeTabResult };
  'scroll-to-heading': { request: { tabId: number; target: HeadingTarget }; response: ScrollToHeadingResult };
}

export type GlossRequestType = keyof GlossRequests;
export type GlossRequest<K extends GlossRequestType = GlossRequestType> = K extends GlossRequestType
  ? { type: K } & GlossRequests[K]['request']
  : never;
export type GlossResponse<K extends GlossRequestType> = GlossRequests[K]['response'];

const REQUEST_TYPES: ReadonlySet<string> = new Set<GlossRequestType>(['analyze-tab', 'scroll-to-heading']);

/** Messages arrive untyped; this tells Gloss's own requests apart from anything else on the channel. */
export function isGlossRequest(message: unknown): message is GlossRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, tabId } = message as { type?: unknown; tabId?: unknown };
  return typeof type === 'string' && REQUEST_TYPES.has(type) && Number.isInteger(tabId);
}

/** The page reader's answer, from inside the tab. */
export type PageReaderResult =
  | { ok: true; extraction: Omit<ArticleExtraction, 'textContent'>; url: string }
  | { ok: false; reason: UnreadableReason; detail?: string };
