/**
 * Senders and requests for the background's tests: the browser's account of who sent a message, as
 * runtime.onMessage gives it (WXT's fakeBrowser supplies the extension id and root).
 */
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AnnotationTarget } from '@/lib/anchoring/types';
import type { GlossRequest, GlossRequestType } from '@/lib/messaging/contract';

export type Sender = Browser.runtime.MessageSender;

export const PAGE = 'https://news.example/storm-1152';
export const OTHER_PAGE = 'https://blog.example/post?id=7';
export const TAB = 7;

const tab = (id: number, url: string) =>
  ({ id, url, index: 0, highlighted: false, active: true, pinned: false, incognito: false }) as Browser.tabs.Tab;

/** The popup as the browser opens it: no tab. */
export const popup = (): Sender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
/** The popup opened as a tab (as the e2e tests open it): an extension page with a tab. */
export const popupInTab = (): Sender => ({
  ...popup(),
  url: `${fakeBrowser.runtime.getURL('/popup.html')}?tab=3`,
  tab: tab(12, fakeBrowser.runtime.getURL('/popup.html')),
  frameId: 0,
});
/** Gloss's PDF viewer, in a tab, showing a PDF from the web. */
export const pdfViewer = (): Sender => ({
  id: fakeBrowser.runtime.id,
  url: `${fakeBrowser.runtime.getURL('/pdf.html')}?file=${encodeURIComponent(PDF_ADDRESS)}`,
  tab: tab(14, fakeBrowser.runtime.getURL('/pdf.html')),
  frameId: 0,
});
export const PDF_ADDRESS = 'https://vendor.example/reports/storm-1152.pdf';
export const PDF_KEY = 'urn:x-pdf:0123456789abcdef0123456789abcdef';
export const library = (): Sender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/library.html') });
/** Gloss's content script in the top frame of a tab showing `url`. */
export const contentScript = (url = PAGE, tabId = TAB): Sender => ({ id: fakeBrowser.runtime.id, url, tab: tab(tabId, url), frameId: 0 });
/** Gloss's content script in a frame inside the page. */
export const subFrame = (url = 'https://ads.example/frame'): Sender => ({ ...contentScript(PAGE), url, frameId: 3 });
/** Another extension, even one that claims a Gloss page's address. */
export const otherExtension = (): Sender => ({ id: 'some-other-extension', url: fakeBrowser.runtime.getURL('/popup.html') });

export const target = (exact = 'Storm-1152', start = 0): AnnotationTarget => ({
  quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: ' sold' },
  position: { type: 'TextPositionSelector', start, end: start + exact.length },
  element: { type: 'gloss:ElementPathSelector', path: 'main:1/article:1/p:4', start: 0, end: exact.length },
});

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const pageDetails = { title: 'Storm-1152 explained', siteName: 'News' };
const entity = { kind: 'threat-actor', name: 'Octo Tempest', canonical: 'Scattered Spider' } as const;

/** A well-formed request of each type (each passes isGlossRequest). */
export const SAMPLES: { [K in GlossRequestType]?: GlossRequest<K> } = {
  'analyze-tab': { type: 'analyze-tab', tabId: 3 },
  'scroll-to-heading': { type: 'scroll-to-heading', tabId: 3, target: { liveIndex: 1, text: 'Heading' } },
  'page-annotations': { type: 'page-annotations' },
  'load-highlighter': { type: 'load-highlighter' },
  'create-annotation': { type: 'create-annotation', target: target(), color: 'green', page: pageDetails },
  'update-annotation': { type: 'update-annotation', id: ID, changes: { note: 'n' } },
  'retarget-annotation': { type: 'retarget-annotation', id: ID, target: target() },
  'delete-annotation': { type: 'delete-annotation', id: ID },
  'restore-annotation': {
    type: 'restore-annotation',
    record: { id: ID, pageUrl: PAGE, target: target(), color: 'yellow', note: '', tags: [], createdAt: 1, updatedAt: 1 },
  },
  'tab-highlights': { type: 'tab-highlights', tabId: 3 },
  'scroll-to-highlight': { type: 'scroll-to-highlight', tabId: 3, id: ID },
  'reattach-highlight': { type: 'reattach-highlight', tabId: 3, id: ID },
  'tab-entities': { type: 'tab-entities', tabId: 3 },
  'entity-details': { type: 'entity-details', entity: { ...entity, aliases: [] } },
  'tag-entity': { type: 'tag-entity', tabId: 3, entity, verdict: 'confirmed', page: pageDetails },
  'pick-alias': { type: 'pick-alias', tabId: 3, name: 'Grizzly Steppe', actor: 'APT29', scope: 'page', page: pageDetails },
  'add-actor': { type: 'add-actor', tabId: 3, actor: { name: 'Storm-9999', aliases: [], linkTo: null }, page: pageDetails },
  'tag-selection': { type: 'tag-selection', tabId: 3, kind: 'malware', text: 'GoldLoader', page: pageDetails },
  'suggest-actors': { type: 'suggest-actors', query: 'octo' },
  'pages-for-actor': { type: 'pages-for-actor', name: 'UNC3944' },
  'tab-selection': { type: 'tab-selection', tabId: 3 },
  'mark-entities': { type: 'mark-entities', tabId: 3, marks: [], focus: null },
  'focus-entity-mark': { type: 'focus-entity-mark', tabId: 3, index: 0 },
  'clear-entity-marks': { type: 'clear-entity-marks', tabId: 3 },
  'entity-marks-shown': { type: 'entity-marks-shown', tabId: 3 },
  'export-page': { type: 'export-page', tabId: 3, format: 'json' },
  'export-indicators': { type: 'export-indicators', tabId: 3, format: 'csv', fanging: 'defanged', page: pageDetails },
  'actor-profiles': { type: 'actor-profiles', keys: ['storm-1152'] },
  'attack-ids': { type: 'attack-ids', entities: [{ kind: 'technique', canonical: 'Phishing' }] },
  'place-facts': { type: 'place-facts', names: ['Iran'] },
  'open-saved-page': { type: 'open-saved-page', url: OTHER_PAGE, annotationId: ID },
  'library-changed': { type: 'library-changed', pageUrls: [OTHER_PAGE], actorsChanged: false },
  'site-status': { type: 'site-status' },
  'tab-site-pause': { type: 'tab-site-pause', tabId: 3 },
  'set-site-paused': { type: 'set-site-paused', site: 'news.example', paused: true },
  'set-settings': { type: 'set-settings', changes: { showToolbar: false } },
  'erase-everything': { type: 'erase-everything' },
  'sync-view': { type: 'sync-view' },
  'sync-set-up': { type: 'sync-set-up', setup: { serverUrl: 'https://dav.example/', user: 'me', password: 'pw', passphrase: 'phrase' } },
  'sync-now': { type: 'sync-now' },
  'sync-off': { type: 'sync-off' },
  'sync-forget': { type: 'sync-forget' },
  'sync-start-over': { type: 'sync-start-over' },
  'pdf-annotations': { type: 'pdf-annotations', documentKey: PDF_KEY, address: PDF_ADDRESS },
  'create-pdf-annotation': {
    type: 'create-pdf-annotation',
    documentKey: PDF_KEY,
    address: PDF_ADDRESS,
    target: { ...target(), page: { type: 'FragmentSelector', value: 'page=1', conformsTo: 'http://tools.ietf.org/rfc/rfc3778' } },
    color: 'blue',
    page: pageDetails,
  },
};

/** The sample request of `type`; a bare `{ type }` for a type added since (refusal comes before reading). */
export function sample(type: GlossRequestType): GlossRequest {
  return (SAMPLES[type] ?? { type }) as GlossRequest;
}
