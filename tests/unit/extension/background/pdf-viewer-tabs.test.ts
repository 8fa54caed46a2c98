/**
 * The PDF viewer's route to the popup: only Gloss's own pdf.html (top frame of a tab) may open the port
 * that supplies a PDF's analysis, and only Gloss's own pages may read it (through analyze-tab and the
 * other tab requests); the background answers them from it and hands the viewer what is its to do.
 */
import 'fake-indexeddb/auto';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { glossDatabase } from '@/extension/background/database';
import { handleRequest } from '@/extension/background/handle-request';
import { admitPdfViewerPort, forgetPdfViewerTabs, pdfViewerTab, watchPdfReadingPosition } from '@/extension/background/pdf-viewer-tabs';
import type { AnalyzeTabResult, GlossRequest, TabHighlightsResult } from '@/lib/messaging/contract';
import { PDF_VIEWER_PORT } from '@/lib/messaging/pdf-viewer-port';
import { describePdfOffsets } from '@/lib/pdf/pdf-anchoring';
import { documentTextOf, type PdfTabAnalysis } from '@/lib/pdf-viewer/pdf-tab-analysis';
import { restoreAnnotation } from '@/lib/storage/annotation-store';
import { contentScript, popup, subFrame, type Sender } from './fixtures';
import { servePackagedEntityIndex } from './packaged-entity-index';

const ID = fakeBrowser.runtime.id;
const VIEWER_TAB = 21;
const KEY = 'urn:x-pdf:0123456789abcdef0123456789abcdef';
const ADDRESS = 'https://vendor.example/reports/storm-1152.pdf';
const db = glossDatabase();

const viewerUrl = () => `${fakeBrowser.runtime.getURL('/pdf.html')}?file=${encodeURIComponent(ADDRESS)}`;
const tab = (id: number, url: string) =>
  ({ id, url, index: 0, highlighted: false, active: true, pinned: false, incognito: false }) as Browser.tabs.Tab;
const viewerSender = (): Sender => ({ id: ID, url: viewerUrl(), tab: tab(VIEWER_TAB, viewerUrl()), frameId: 0 });

function fakePort(sender: Sender | undefined, name = PDF_VIEWER_PORT) {
  const messageListeners: Array<(message: unknown) => void> = [];
  const disconnectListeners: Array<() => void> = [];
  const port = {
    name,
    sender,
    disconnected: false,
    posted: [] as unknown[],
    postMessage: (message: unknown) => void port.posted.push(message),
    disconnect: () => {
      port.disconnected = true;
    },
    onMessage: { addListener: (listener: (message: unknown) => void) => messageListeners.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => disconnectListeners.push(listener) },
    send: (message: unknown) => messageListeners.forEach((listener) => listener(message)),
    drop: () => disconnectListeners.forEach((listener) => listener()),
  };
  return port;
}
const connect = (sender: Sender | undefined, name?: string) => {
  const port = fakePort(sender, name);
  admitPdfViewerPort(port as unknown as Browser.runtime.Port);
  return port;
};

const TEXT = [
  'Microsoft Takes Down Storm-1152',
  'Storm-1152 sold 750 million fraudulent Microsoft accounts to other criminals.',
  'The group also ran services that solved CAPTCHA puzzles. Storm-1152 is now offline.',
].join('\n\n');
const pageTwo = TEXT.indexOf('The group');

function analysis(overrides: Partial<PdfTabAnalysis> = {}): PdfTabAnalysis {
  return {
    address: ADDRESS,
    fileName: 'storm-1152.pdf',
    documentKey: KEY,
    pageCount: 2,
    metadata: {
      title: 'Microsoft Takes Down Storm-1152',
      byline: 'Newsroom Staff',
      siteName: 'vendor.example',
      publishedTime: '2023-12-14T00:00:00Z',
      excerpt: null,
      lang: null,
      dir: null,
    },
    outline: [
      { level: 1, text: 'Microsoft Takes Down Storm-1152', liveIndex: null, pageNumber: 1, offset: 0 },
      { level: 2, text: 'The group', liveIndex: null, pageNumber: 2 },
    ],
    text: TEXT,
    pageStarts: [0, pageTwo],
    ...overrides,
  };
}

const ask = <K extends GlossRequest['type']>(request: GlossRequest<K>, sender: Sender = popup()) => handleRequest(request, sender);

beforeEach(async () => {
  fakeBrowser.reset();
  forgetPdfViewerTabs();
  servePackagedEntityIndex();
  await Promise.all(db.tables.map((table) => table.clear()));
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('who may supply a PDF analysis', () => {
  it('admits the port of Gloss’s pdf.html in the top frame of a tab, and files its analysis under that tab', () => {
    const port = connect(viewerSender());
    expect(port.disconnected).toBe(false);
    port.send({ kind: 'progress', progress: { pagesRead: 1, pageCount: 2 } });
    expect(pdfViewerTab(VIEWER_TAB)).toMatchObject({ progress: { pagesRead: 1, pageCount: 2 }, analysis: null });
    port.send({ kind: 'analysis', analysis: analysis() });
    expect(pdfViewerTab(VIEWER_TAB)?.analysis?.metadata.title).toBe('Microsoft Takes Down Storm-1152');
    // Only counts go out to Gloss's pages, never the text.
    const broadcasts = vi.mocked(fakeBrowser.runtime.sendMessage).mock.calls.map(([message]) => message);
    expect(broadcasts).toContainEqual({ type: 'pdf-reading', tabId: VIEWER_TAB, pagesRead: 2, pageCount: 2, ready: true });
    expect(JSON.stringify(broadcasts)).not.toContain('fraudulent');
    port.drop();
    expect(pdfViewerTab(VIEWER_TAB)).toBeNull();
  });

  it.each([
    ['a web page’s content script', contentScript('https://evil.example/fake.pdf', VIEWER_TAB)],
    ['a content script in a frame', subFrame()],
    ['another of Gloss’s pages (the popup)', { ...viewerSender(), url: fakeBrowser.runtime.getURL('/popup.html') }],
    ['pdf.html in a frame', { ...viewerSender(), frameId: 2 }],
    ['pdf.html with no tab', { id: ID, url: viewerUrl() }],
    ['another extension claiming pdf.html', { ...viewerSender(), id: 'some-other-extension' }],
    ['nobody the browser names', undefined],
  ])('disconnects %s at once, and takes nothing it says', (_label, sender) => {
    const port = connect(sender as Sender | undefined);
    expect(port.disconnected).toBe(true);
    port.send({ kind: 'analysis', analysis: analysis() });
    expect(pdfViewerTab(VIEWER_TAB)).toBeNull();
  });

  it('leaves other ports alone', () => {
    const port = connect(contentScript(), 'gloss-side-panel');
    expect(port.disconnected).toBe(false);
  });

  it.each([
    ['a javascript: address', { address: 'javascript:alert(1)' }],
    ['a document key that is none', { documentKey: 'urn:x-pdf:<script>' }],
    ['page starts out of order', { pageStarts: [pageTwo, 0] }],
    ['page starts beyond the text', { pageStarts: [0, TEXT.length + 5] }],
    ['an outline entry on a page the PDF does not have', { outline: [{ level: 1, text: 'X', liveIndex: null, pageNumber: 9 }] }],
  ])('ignores an analysis with %s, even from the viewer', (_label, overrides) => {
    const port = connect(viewerSender());
    port.send({ kind: 'analysis', analysis: analysis(overrides as Partial<PdfTabAnalysis>) });
    expect(pdfViewerTab(VIEWER_TAB)?.analysis).toBeNull();
  });
});

describe('the page being read, for a side panel', () => {
  const readings = () =>
    vi
      .mocked(fakeBrowser.runtime.sendMessage)
      .mock.calls.map(([message]) => message)
      .filter((message) => (message as { type?: string }).type === 'pdf-reading-position');

  it('passes the page on only while a side panel watches the tab, starting with where the reader is', () => {
    const port = connect(viewerSender());
    port.send({ kind: 'analysis', analysis: analysis() });
    port.send({ kind: 'reading', pageNumber: 2 });
    expect(readings()).toEqual([]);

    watchPdfReadingPosition(VIEWER_TAB, true);
    expect(readings()).toEqual([{ type: 'pdf-reading-position', tabId: VIEWER_TAB, pageNumber: 2 }]);
    port.send({ kind: 'reading', pageNumber: 1 });
    port.send({ kind: 'reading', pageNumber: 1 });
    expect(readings()).toEqual([
      { type: 'pdf-reading-position', tabId: VIEWER_TAB, pageNumber: 2 },
      { type: 'pdf-reading-position', tabId: VIEWER_TAB, pageNumber: 1 },
    ]);

    watchPdfReadingPosition(VIEWER_TAB, false);
    port.send({ kind: 'reading', pageNumber: 2 });
    expect(readings()).toHaveLength(2);
  });

  it('waits for a viewer that connects after the panel asked (the background was restarted)', () => {
    watchPdfReadingPosition(VIEWER_TAB, true);
    expect(readings()).toEqual([]);
    const port = connect(viewerSender());
    port.send({ kind: 'reading', pageNumber: 1 });
    expect(readings()).toEqual([{ type: 'pdf-reading-position', tabId: VIEWER_TAB, pageNumber: 1 }]);
  });

  it('takes no page the document does not have, nor anything but a page number', () => {
    watchPdfReadingPosition(VIEWER_TAB, true);
    const port = connect(viewerSender());
    port.send({ kind: 'analysis', analysis: analysis() });
    for (const pageNumber of [0, -1, 3, 1.5, '2', null, 1e9]) port.send({ kind: 'reading', pageNumber });
    port.send({ kind: 'reading', pageNumber: 2, text: 'Storm-1152 sold 750 million fraudulent Microsoft accounts' });
    expect(readings()).toEqual([{ type: 'pdf-reading-position', tabId: VIEWER_TAB, pageNumber: 2 }]);
    expect(JSON.stringify(readings())).not.toContain('fraudulent');
  });

  it('takes no reading from a port it refused', () => {
    watchPdfReadingPosition(VIEWER_TAB, true);
    const port = connect(contentScript('https://evil.example/fake.pdf', VIEWER_TAB));
    port.send({ kind: 'reading', pageNumber: 1 });
    expect(readings()).toEqual([]);
  });
});

describe('who may read it', () => {
  it('refuses a web page’s content script that asks about the viewer’s tab', async () => {
    connect(viewerSender()).send({ kind: 'analysis', analysis: analysis() });
    for (const type of ['analyze-tab', 'tab-highlights', 'tab-entities', 'mark-entities'] as const) {
      const request = { type, tabId: VIEWER_TAB, ...(type === 'mark-entities' && { marks: [], focus: null }) } as GlossRequest;
      await expect(handleRequest(request, contentScript())).rejects.toThrow(/only for Gloss's own pages/);
    }
  });
});

describe('the popup for a viewer tab', () => {
  it('says the viewer is still reading, with its progress, before the analysis is in', async () => {
    const port = connect(viewerSender());
    port.send({ kind: 'progress', progress: { pagesRead: 40, pageCount: 119 } });
    const result = (await ask({ type: 'analyze-tab', tabId: VIEWER_TAB })) as AnalyzeTabResult;
    expect(result).toEqual({ ok: false, reason: 'reading-pdf', url: null, progress: { pagesRead: 40, pageCount: 119 } });
  });

  it('shows the PDF’s title, author, date, outline and the entities over its whole text', async () => {
    connect(viewerSender()).send({ kind: 'analysis', analysis: analysis() });
    const result = (await ask({ type: 'analyze-tab', tabId: VIEWER_TAB })) as AnalyzeTabResult;
    if (!result.ok) throw new Error(`not read: ${result.reason}`);
    const { metadata, outline, entities, pdf, url } = result.analysis;
    expect(metadata).toMatchObject({
      title: 'Microsoft Takes Down Storm-1152',
      byline: 'Newsroom Staff',
      publishedTime: '2023-12-14T00:00:00Z',
    });
    expect(outline.map((item) => item.text)).toEqual(['Microsoft Takes Down Storm-1152', 'The group']);
    expect(pdf).toEqual({ pageCount: 2, documentKey: KEY, fileName: 'storm-1152.pdf', local: false });
    expect(url).toBe(ADDRESS);
    const storm = entities?.entities.find((entity) => entity.name === 'Storm-1152');
    expect(storm?.mentions).toHaveLength(3);
    expect(storm?.mentions.map((mention) => TEXT.slice(mention.start, mention.end))).toEqual(['Storm-1152', 'Storm-1152', 'Storm-1152']);
  });

  it('lists the highlights kept by the document key, from any address, found again in the viewer’s text', async () => {
    const document = documentTextOf(analysis());
    const at = TEXT.indexOf('750 million');
    const base = { color: 'yellow' as const, note: '', tags: [], createdAt: 1, updatedAt: 1 };
    // One made at this address, one on a copy served elsewhere (same key), one on another PDF.
    await restoreAnnotation(db, {
      ...base,
      id: 'a',
      pageUrl: ADDRESS,
      documentKey: KEY,
      target: describePdfOffsets(document, at, at + 11),
    });
    const later = TEXT.indexOf('CAPTCHA');
    await restoreAnnotation(db, {
      ...base,
      id: 'b',
      pageUrl: 'https://mirror.example/copy.pdf',
      documentKey: KEY,
      target: describePdfOffsets(document, later, later + 7),
    });
    await restoreAnnotation(db, {
      ...base,
      id: 'c',
      pageUrl: 'https://other.example/other.pdf',
      documentKey: 'urn:x-pdf:fedcba9876543210fedcba9876543210',
      target: describePdfOffsets(document, 0, 9),
    });
    connect(viewerSender()).send({ kind: 'analysis', analysis: analysis() });
    const result = (await ask({ type: 'tab-highlights', tabId: VIEWER_TAB })) as TabHighlightsResult;
    if (!result.ok) throw new Error('no highlights');
    expect(result.pageUrl).toBe(ADDRESS);
    expect(result.highlights.map(({ record, status, start }) => [record.id, status, start])).toEqual([
      ['a', 'anchored', at],
      ['b', 'anchored', later],
    ]);
  });

  it('hands the viewer the marks, the outline entry and the highlight to go to, and passes its answers back', async () => {
    const port = connect(viewerSender());
    port.send({ kind: 'analysis', analysis: analysis() });
    const answer = (reply: (args: Record<string, unknown>) => unknown) => {
      const call = port.posted.at(-1) as { id: number; args: Record<string, unknown> };
      port.send({ kind: 'reply', id: call.id, value: reply(call.args) });
    };
    const marks = [{ kind: 'threat-actor' as const, quote: { exact: 'Storm-1152', prefix: '', suffix: 'sold' } }];
    const marking = ask({ type: 'mark-entities', tabId: VIEWER_TAB, marks, focus: 0 });
    await vi.waitFor(() => expect(port.posted).toHaveLength(1));
    expect(port.posted[0]).toMatchObject({ kind: 'call', command: 'mark-entities', args: { marks, focus: 0 } });
    answer(() => ({ located: [true] }));
    await expect(marking).resolves.toEqual({ located: [true] });

    const heading = ask({ type: 'scroll-to-heading', tabId: VIEWER_TAB, target: { liveIndex: null, text: 'The group', pageNumber: 2 } });
    await vi.waitFor(() => expect(port.posted).toHaveLength(2));
    expect(port.posted[1]).toMatchObject({ command: 'go-to', args: { place: { pageNumber: 2 } } });
    answer(() => ({ found: true }));
    await expect(heading).resolves.toEqual({ found: true });

    // No script is injected into the viewer's tab for any of this.
    const injected = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    const selection = ask({ type: 'tab-selection', tabId: VIEWER_TAB });
    await vi.waitFor(() => expect(port.posted).toHaveLength(3));
    answer(() => ({ text: 'Storm-1152' }));
    await expect(selection).resolves.toEqual({ text: 'Storm-1152' });
    expect(injected).not.toHaveBeenCalled();
  });

  it('files a verdict made in the popup under the PDF, whose page keeps its key for the same file from elsewhere', async () => {
    connect(viewerSender()).send({ kind: 'analysis', analysis: analysis() });
    const entity = { kind: 'threat-actor' as const, name: 'Storm-1152', canonical: 'Storm-1152' };
    const page = { title: 'Microsoft Takes Down Storm-1152', siteName: null };
    await expect(ask({ type: 'tag-entity', tabId: VIEWER_TAB, entity, verdict: 'confirmed', page })).resolves.toEqual({ ok: true });
    expect((await db.pages.get(ADDRESS))?.documentKey).toBe(KEY);
    expect((await db.entityTags.toArray()).map((tag) => tag.pageUrl)).toEqual([ADDRESS]);

    // The same file opened from a mirror, in another tab: its records are the first address's.
    const mirror = 'https://mirror.example/copy.pdf';
    const mirrorUrl = `${fakeBrowser.runtime.getURL('/pdf.html')}?file=${encodeURIComponent(mirror)}`;
    connect({ id: ID, url: mirrorUrl, tab: tab(22, mirrorUrl), frameId: 0 }).send({
      kind: 'analysis',
      analysis: analysis({ address: mirror }),
    });
    const result = (await ask({ type: 'export-page', tabId: 22, format: 'markdown' })) as { ok: boolean; text: string };
    expect(result.ok).toBe(true);
    expect(result.text).toContain(ADDRESS);
  });

  it('answers a viewer that closed meanwhile with nothing found, not an error', async () => {
    const port = connect(viewerSender());
    port.send({ kind: 'analysis', analysis: analysis() });
    const focusing = ask({ type: 'focus-entity-mark', tabId: VIEWER_TAB, index: 3 });
    await vi.waitFor(() => expect(port.posted).toHaveLength(1));
    port.drop();
    await expect(focusing).resolves.toEqual({ found: false });
  });
});
