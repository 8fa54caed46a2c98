/** Which caller may send each request to the background; extension/background/callers.ts enforces it. */
import type { GlossRequestType } from './contract';

/**
 * Who may send each request. The background classifies the sender (extension/background/callers.ts) and
 * refuses a request from any other caller before reading it:
 * - content-script requests come from Gloss's content script in a web page's top frame, and are bound to
 *   that tab and page (they name no tab and no page);
 * - update-, delete- and restore-annotation come from either: Gloss's pages (popup, side panel, library)
 *   edit, delete and undo any highlight by id; a content script only a highlight of its own page;
 * - pdf-annotations and create-pdf-annotation only from Gloss's PDF viewer (pdf.html): the highlights of
 *   a PDF are written by the viewer alone, never by a web page nor by another of Gloss's pages;
 * - every other request, including everything that names a tabId, only from Gloss's own pages (popup,
 *   library, settings): among them set-settings and erase-everything, which a web page must never reach.
 */
export const CONTENT_SCRIPT_REQUESTS = [
  'page-annotations',
  'load-highlighter',
  'create-annotation',
  'retarget-annotation',
  'site-status',
] as const satisfies readonly GlossRequestType[];
export const EITHER_CALLER_REQUESTS = [
  'update-annotation',
  'delete-annotation',
  'restore-annotation',
] as const satisfies readonly GlossRequestType[];

export const PDF_VIEWER_REQUESTS = ['pdf-annotations', 'create-pdf-annotation'] as const satisfies readonly GlossRequestType[];

export type ContentScriptRequestType = (typeof CONTENT_SCRIPT_REQUESTS)[number];
export type EitherCallerRequestType = (typeof EITHER_CALLER_REQUESTS)[number];
export type PdfViewerRequestType = (typeof PDF_VIEWER_REQUESTS)[number];
export type RequestCaller = 'extension-page' | 'content-script' | 'either' | 'pdf-viewer';

export function requestCaller(type: GlossRequestType): RequestCaller {
  if ((CONTENT_SCRIPT_REQUESTS as readonly string[]).includes(type)) return 'content-script';
  if ((EITHER_CALLER_REQUESTS as readonly string[]).includes(type)) return 'either';
  if ((PDF_VIEWER_REQUESTS as readonly string[]).includes(type)) return 'pdf-viewer';
  return 'extension-page';
}
