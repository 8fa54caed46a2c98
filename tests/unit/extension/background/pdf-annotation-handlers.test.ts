/**
 * The PDF viewer's highlights in the background: only Gloss's pdf.html writes them, they are keyed by the
 * document key as well as the address (the same file from a second address, or as a local file, finds
 * them), and a web page's content script can neither write, read, change nor delete one.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { glossDatabase } from '@/extension/background/database';
import { handleRequest } from '@/extension/background/handle-request';
import { answerGlossRequest } from '@/extension/background/message-listener';
import type { GlossRequest } from '@/lib/messaging/contract';
import type { AnnotationRecord } from '@/lib/storage/records';
import { contentScript, library, PDF_ADDRESS, PDF_KEY, pdfViewer, popup, popupInTab, sample, subFrame, type Sender } from './fixtures';

const recordActorsOfTab = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock(import('@/extension/background/entity-handlers'), async (original) => ({ ...(await original()), recordActorsOfTab }));

const db = glossDatabase();
const ask = (request: GlossRequest, sender: Sender) => handleRequest(request, sender);
const MIRROR = 'https://mirror.example/files/report.pdf';

/** The viewer's create request for the passage `exact` at `start`, opened from `address`. */
function createRequest(exact: string, start: number, address: string | null, documentKey = PDF_KEY): GlossRequest {
  const base = sample('create-pdf-annotation') as GlossRequest<'create-pdf-annotation'>;
  return {
    ...base,
    documentKey,
    address,
    target: {
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
      page: { type: 'FragmentSelector', value: 'page=2', conformsTo: 'http://tools.ietf.org/rfc/rfc3778' },
    },
  };
}

/** The viewer opened from another address (or none: a local file). */
const viewerAt = (file: string | null): Sender => ({
  ...pdfViewer(),
  url: `${fakeBrowser.runtime.getURL('/pdf.html')}${file === null ? '' : `?file=${encodeURIComponent(file)}`}`,
});

beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all(db.tables.map((table) => table.clear()));
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
});
afterEach(() => vi.restoreAllMocks());

describe('who may write and read a PDF’s highlights', () => {
  it.each(['pdf-annotations', 'create-pdf-annotation'] as const)('%s: answered only for Gloss’s PDF viewer', async (type) => {
    const refusal = `${type} is answered only for Gloss's PDF viewer.`;
    // A web page's content script, even one on the PDF's own address (a server may answer it with HTML).
    await expect(ask(sample(type), contentScript(PDF_ADDRESS))).rejects.toThrow(refusal);
    // Gloss's other pages have no business writing a PDF's highlights either.
    for (const sender of [popup(), popupInTab(), library()]) await expect(ask(sample(type), sender)).rejects.toThrow(refusal);
    await expect(ask(sample(type), subFrame())).rejects.toThrow('Gloss answers content scripts only in the top frame');
    await expect(ask(sample(type), { ...pdfViewer(), id: 'some-other-extension' })).rejects.toThrow('Gloss answers only its own pages');
    expect(await db.annotations.count()).toBe(0);
  });

  it('refuses, as malformed, a document key that is none, before anything is stored', async () => {
    const reply = vi.fn();
    answerGlossRequest(createRequest('Storm-1152', 10, PDF_ADDRESS, 'urn:x-pdf:not-hex'), pdfViewer(), reply);
    expect(reply).toHaveBeenCalledWith({ glossError: 'create-pdf-annotation: the request is malformed.' });
    expect(await db.annotations.count()).toBe(0);
  });

  it('refuses a PDF highlight that names no page', async () => {
    const request = createRequest('Storm-1152', 10, PDF_ADDRESS) as GlossRequest<'create-pdf-annotation'>;
    const { page: _page, ...withoutPage } = request.target;
    await expect(ask({ ...request, target: withoutPage }, pdfViewer())).rejects.toThrow('names its page');
    expect(await db.annotations.count()).toBe(0);
  });
});

describe('the viewer’s highlights, keyed by the document as well as the address', () => {
  it('files a highlight under the address and the key, and finds it from a second address and as a local file', async () => {
    const created = (await ask(createRequest('Storm-1152', 10, `${PDF_ADDRESS}#page=2`), pdfViewer())) as AnnotationRecord;
    expect(created).toMatchObject({ pageUrl: PDF_ADDRESS, documentKey: PDF_KEY, color: 'blue' });
    expect(created.target.page?.value).toBe('page=2');
    expect(await db.pages.get(PDF_ADDRESS)).toMatchObject({ documentKey: PDF_KEY, title: 'Storm-1152 explained' });

    const fromMirror = (await ask(
      { type: 'pdf-annotations', documentKey: PDF_KEY, address: MIRROR },
      viewerAt(MIRROR),
    )) as AnnotationRecord[];
    expect(fromMirror.map((record) => record.id)).toEqual([created.id]);
    const local = (await ask({ type: 'pdf-annotations', documentKey: PDF_KEY, address: null }, viewerAt(null))) as AnnotationRecord[];
    expect(local.map((record) => record.id)).toEqual([created.id]);

    // Made from the mirror, or from the local file: filed with the first, under the PDF's one page.
    const second = (await ask(createRequest('Arkose Labs', 900, MIRROR), viewerAt(MIRROR))) as AnnotationRecord;
    const third = (await ask(createRequest('Microsoft', 1200, null), viewerAt(null))) as AnnotationRecord;
    expect([second.pageUrl, third.pageUrl]).toEqual([PDF_ADDRESS, PDF_ADDRESS]);
    expect(await db.pages.count()).toBe(1);
    const all = (await ask(sample('pdf-annotations'), pdfViewer())) as AnnotationRecord[];
    expect(all.map((record) => record.id)).toEqual([created.id, second.id, third.id]);
  });

  it('files a local file’s first highlight under its document key', async () => {
    const created = (await ask(createRequest('Storm-1152', 10, null), viewerAt(null))) as AnnotationRecord;
    expect(created.pageUrl).toBe(PDF_KEY);
    // Not an http(s) address either: a file: or data: address the viewer was given counts as none.
    const other = (await ask(createRequest('Arkose', 30, 'file:///home/me/report.pdf'), viewerAt(null))) as AnnotationRecord;
    expect(other.pageUrl).toBe(PDF_KEY);
  });

  it('lets the viewer change, delete and restore its highlights (the requests Gloss’s pages share)', async () => {
    const created = (await ask(createRequest('Storm-1152', 10, PDF_ADDRESS), pdfViewer())) as AnnotationRecord;
    const updated = (await ask(
      { type: 'update-annotation', id: created.id, changes: { note: 'n', tags: ['apt'] } },
      pdfViewer(),
    )) as AnnotationRecord;
    expect(updated).toMatchObject({ note: 'n', tags: ['apt'], documentKey: PDF_KEY });
    expect(await ask({ type: 'delete-annotation', id: created.id }, pdfViewer())).toEqual(updated);
    expect(await ask({ type: 'restore-annotation', record: updated }, pdfViewer())).toEqual(updated);
    expect(await db.annotations.get(created.id)).toEqual(updated);
  });

  it('does not show a web page’s highlight among the PDF’s, even filed under the same address', async () => {
    const pdf = (await ask(createRequest('Storm-1152', 10, PDF_ADDRESS), pdfViewer())) as AnnotationRecord;
    const web = (await ask(sample('create-annotation'), contentScript(PDF_ADDRESS))) as AnnotationRecord;
    expect(web.documentKey).toBeUndefined();
    const shown = (await ask(sample('pdf-annotations'), pdfViewer())) as AnnotationRecord[];
    expect(shown.map((record) => record.id)).toEqual([pdf.id]);
  });
});

describe('a web page’s content script and a PDF’s highlights', () => {
  it('can neither read, change, move nor delete one filed under its own address', async () => {
    const pdf = (await ask(createRequest('Storm-1152', 10, PDF_ADDRESS), pdfViewer())) as AnnotationRecord;
    const page = contentScript(PDF_ADDRESS);
    expect(await ask({ type: 'page-annotations' }, page)).toEqual([]);
    const refusal = "that highlight is a PDF's, which only Gloss's PDF viewer changes";
    await expect(ask({ type: 'update-annotation', id: pdf.id, changes: { note: 'pwned' } }, page)).rejects.toThrow(refusal);
    await expect(ask({ type: 'retarget-annotation', id: pdf.id, target: pdf.target }, page)).rejects.toThrow(refusal);
    await expect(ask({ type: 'delete-annotation', id: pdf.id }, page)).rejects.toThrow(refusal);
    await expect(ask({ type: 'restore-annotation', record: { ...pdf, note: 'pwned' } }, page)).rejects.toThrow(
      "a web page cannot restore a PDF's highlight",
    );
    expect(await db.annotations.toArray()).toEqual([pdf]);
  });

  it('cannot make one: a document key slipped into its create request is not kept', async () => {
    const request = { ...sample('create-annotation'), documentKey: PDF_KEY } as GlossRequest;
    const record = (await ask(request, contentScript(PDF_ADDRESS))) as AnnotationRecord;
    expect(record.documentKey).toBeUndefined();
    expect(await ask(sample('pdf-annotations'), pdfViewer())).toEqual([]);
  });
});
