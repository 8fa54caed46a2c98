// @vitest-environment jsdom
/**
 * The PDF viewer's highlights in a jsdom page: text layers built as pdf.js builds them (a span per text
 * item, a <br> after an item that ends a line, marked content as nested spans), the background replaced by
 * a fake sendRequest, and the CSS Custom Highlight registry by a Map, so what is painted can be read back.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PdfView } from '@/components/pdf/pdf-view';
import type { GlossRequest } from '@/lib/messaging/contract';
import { buildDocumentText } from '@/lib/pdf/document-text';
import { describePdfOffsets } from '@/lib/pdf/pdf-anchoring';
import type { PdfContentItem } from '@/lib/pdf/pdf-source';
import { documentOffsetOfLayer, layerItemsOf } from '@/lib/pdf-viewer/text-layer-offsets';
import type { AnnotationRecord, HighlightColor } from '@/lib/storage/records';
import { PdfHighlights } from '@/extension/pdf/pdf-highlights';
import { layerOffsetAt, layerSpanOfRange } from '@/extension/pdf/text-layer-point';
import { sendRequest } from '@/extension/send-request';
import { line, run } from '../../../support/pdf-text-items';

vi.mock('@/extension/send-request', () => ({ sendRequest: vi.fn() }));
vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const KEY = 'urn:x-pdf:0123456789abcdef0123456789abcdef';
const ADDRESS = 'https://vendor.example/storm-1152.pdf';

const PAGES: PdfContentItem[][] = [
  [
    { type: 'beginMarkedContent' },
    run('Microsoft disrupted Storm-1152,', 72, 700, { width: 150, hasEOL: true }),
    { type: 'endMarkedContent' },
    line('which sold fraudulent accounts.', 688),
  ],
  [run('The group worked with', 72, 700, { width: 105, hasEOL: true }), line('Octo Tempest.', 688)],
];
const TEXT = buildDocumentText(PAGES);

class FakeHighlight extends Set<Range> {
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}
const registry = new Map<string, FakeHighlight>();
const painted = () => Object.fromEntries([...registry].map(([name, highlight]) => [name, [...highlight].map((range) => range.toString())]));

/** Page `index`'s text layer as pdf.js draws it, inside its page, inside the scroller. */
function drawLayer(scroller: HTMLElement, index: number): HTMLElement {
  const page = document.createElement('div');
  page.className = 'pdf-page';
  page.dataset.pageNumber = String(index + 1);
  const layer = document.createElement('div');
  layer.className = 'textLayer';
  let container: HTMLElement = layer;
  for (const item of PAGES[index]) {
    if (!('str' in item)) {
      if (item.type === 'beginMarkedContent') {
        const marked = document.createElement('span');
        marked.className = 'markedContent';
        container.append(marked);
        container = marked;
      } else container = container.parentElement!;
      continue;
    }
    const span = document.createElement('span');
    span.textContent = item.str;
    container.append(span);
    if (item.hasEOL) container.append(document.createElement('br'));
  }
  page.append(layer);
  scroller.append(page);
  return layer;
}

function record(exact: string, color: HighlightColor = 'yellow', id = `id-${exact}`): AnnotationRecord {
  const start = TEXT.text.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in the document text`);
  return {
    id,
    pageUrl: ADDRESS,
    documentKey: KEY,
    target: describePdfOffsets(TEXT, start, start + exact.length),
    color,
    note: '',
    tags: [],
    createdAt: 1,
    updatedAt: 1,
  };
}

const view = {
  pageItems: async (index: number) => PAGES[index],
  documentText: async () => TEXT,
} as unknown as PdfView;

let requests: GlossRequest[];
let stored: AnnotationRecord[];
let scroller: HTMLElement;

beforeEach(() => {
  document.body.innerHTML = '<main class="pdf-scroller"></main>';
  scroller = document.querySelector('main')!;
  registry.clear();
  vi.stubGlobal('CSS', { highlights: registry });
  vi.stubGlobal('Highlight', FakeHighlight);
  requests = [];
  stored = [];
  vi.mocked(sendRequest).mockImplementation(async (request: GlossRequest) => {
    requests.push(request);
    if (request.type === 'pdf-annotations') return stored as never;
    if (request.type === 'create-pdf-annotation')
      return { ...record('Octo Tempest'), id: 'new', target: request.target, color: request.color ?? 'yellow' } as never;
    throw new Error(`the fake background has no answer to ${request.type}`);
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the PDF’s highlights on load', () => {
  it('asks for them by document key and address, anchors them once the text is read, and paints each on its page as it is drawn', async () => {
    stored = [
      record('Storm-1152', 'green'),
      record('Octo Tempest'),
      {
        ...record('sold'),
        id: 'gone',
        target: {
          ...record('sold').target,
          quote: { type: 'TextQuoteSelector', exact: 'a passage no longer here', prefix: '', suffix: '' },
        },
      },
    ];
    const onChange = vi.fn();
    const highlights = new PdfHighlights(view, { documentKey: KEY, address: ADDRESS, title: 'Storm-1152' }, onChange);
    await highlights.load();
    expect(requests).toEqual([{ type: 'pdf-annotations', documentKey: KEY, address: ADDRESS }]);
    // Until the whole text is read, nothing is placed, and nothing is called an orphan yet.
    expect(highlights.states().map((state) => state.status)).toEqual(['pending', 'pending', 'pending']);

    await highlights.setLayer(0, drawLayer(scroller, 0));
    expect(painted()).toEqual({});
    highlights.setText(TEXT);
    expect(highlights.states().map(({ record: r, status }) => [r.id, status])).toEqual([
      ['id-Storm-1152', 'anchored'],
      ['gone', 'orphan'],
      ['id-Octo Tempest', 'anchored'],
    ]);
    // Page 1 is drawn: its highlight is painted; page 2's waits for its layer.
    expect(painted()).toMatchObject({ 'gloss-green': ['Storm-1152'] });
    expect(painted()['gloss-yellow']).toBeUndefined();
    await highlights.setLayer(1, drawLayer(scroller, 1));
    expect(painted()).toMatchObject({ 'gloss-green': ['Storm-1152'], 'gloss-yellow': ['Octo Tempest'] });
    // A page scrolled far away loses its layer, and its paint with it.
    await highlights.setLayer(0, null);
    expect(painted()['gloss-green']).toBeUndefined();
    expect(onChange).toHaveBeenCalled();
  });

  it('paints a highlight across two pages on each drawn page, and finds it under a place in the text', async () => {
    const start = TEXT.text.indexOf('accounts.');
    const end = TEXT.text.indexOf('The group') + 'The group'.length;
    stored = [{ ...record('accounts.'), id: 'across', target: describePdfOffsets(TEXT, start, end) }];
    const highlights = new PdfHighlights(view, { documentKey: KEY, address: null, title: 'report.pdf' }, () => undefined);
    await highlights.load();
    expect(requests).toEqual([{ type: 'pdf-annotations', documentKey: KEY, address: null }]);
    highlights.setText(TEXT);
    await highlights.setLayer(0, drawLayer(scroller, 0));
    await highlights.setLayer(1, drawLayer(scroller, 1));
    expect(painted()['gloss-yellow']).toEqual(['accounts.', 'The group']);
    expect(highlights.at(TEXT.text.indexOf('group'))?.record.id).toBe('across');
    expect(highlights.at(TEXT.text.indexOf('worked'))).toBeNull();
    expect(highlights.pageIndexOf('across')).toBe(0);
  });

  it('stores a new highlight with its page, and paints it at once', async () => {
    const highlights = new PdfHighlights(view, { documentKey: KEY, address: ADDRESS, title: 'Storm-1152' }, () => undefined);
    await highlights.load();
    highlights.setText(TEXT);
    await highlights.setLayer(1, drawLayer(scroller, 1));
    const start = TEXT.text.indexOf('Octo');
    await highlights.create(start, start + 'Octo Tempest'.length, 'blue');
    const sent = requests.at(-1) as GlossRequest<'create-pdf-annotation'>;
    expect(sent).toMatchObject({ type: 'create-pdf-annotation', documentKey: KEY, address: ADDRESS, color: 'blue' });
    expect(sent.page).toEqual({ title: 'Storm-1152', siteName: 'vendor.example' });
    expect(sent.target.quote.exact).toBe('Octo Tempest');
    expect(sent.target.page?.value).toBe('page=2');
    expect(painted()['gloss-blue']).toEqual(['Octo Tempest']);
  });
});

describe('a selection in the text layers, as document offsets', () => {
  it('keeps the newer record when an older save is answered last (an autosave after Done)', async () => {
    stored = [record('Octo Tempest')];
    const highlights = new PdfHighlights(view, { documentKey: KEY, address: ADDRESS, title: 'Storm-1152' }, () => undefined);
    await highlights.load();
    highlights.setText(TEXT);
    await highlights.setLayer(1, drawLayer(scroller, 1));
    const done = { ...stored[0], note: 'also UNC3944', color: 'blue' as const, updatedAt: 11 };

    highlights.replaceRecord(done);
    highlights.replaceRecord({ ...stored[0], note: 'also', updatedAt: 10 });

    expect(highlights.states().map((state) => state.record)).toEqual([done]);
    expect(painted()).toMatchObject({ 'gloss-blue': ['Octo Tempest'] });
  });

  it('counts the layer’s characters and line breaks up to a DOM point', () => {
    const layer = drawLayer(scroller, 0);
    const spans = layer.querySelectorAll('span:not(.markedContent)');
    expect(layerOffsetAt(layer, spans[0].firstChild!, 10)).toBe(10);
    // Right after the first line's <br>: its characters and the break.
    expect(layerOffsetAt(layer, spans[1].firstChild!, 0)).toBe('Microsoft disrupted Storm-1152,'.length + 1);
    // A point given as an element and a child index.
    expect(layerOffsetAt(layer, layer, layer.childNodes.length)).toBe(
      'Microsoft disrupted Storm-1152,'.length + 1 + 'which sold fraudulent accounts.'.length,
    );
  });

  it('turns a range over two pages into the document text it shows', () => {
    drawLayer(scroller, 0);
    drawLayer(scroller, 1);
    const spans = scroller.querySelectorAll('.textLayer span:not(.markedContent)');
    const range = document.createRange();
    range.setStart(spans[1].firstChild!, 'which sold '.length);
    range.setEnd(spans[2].firstChild!, 'The group'.length);
    const span = layerSpanOfRange(scroller, range)!;
    expect(span.start.pageIndex).toBe(0);
    expect(span.end.pageIndex).toBe(1);
    const start = documentOffsetOfLayer(TEXT.pages[0], layerItemsOf(PAGES[0]), span.start.offset, 'start');
    const end = documentOffsetOfLayer(TEXT.pages[1], layerItemsOf(PAGES[1]), span.end.offset, 'end');
    expect(TEXT.text.slice(start, end)).toBe('fraudulent accounts.\n\nThe group');
  });

  it('moves a boundary outside any layer (the gap between pages) to the nearest text in its direction', () => {
    drawLayer(scroller, 0);
    drawLayer(scroller, 1);
    const pages = scroller.querySelectorAll('.pdf-page');
    const range = document.createRange();
    // From the scroller itself, between the two pages, to the end of page 2's first line.
    range.setStart(scroller, 1);
    range.setEnd(pages[1].querySelector('span')!.firstChild!, 'The group'.length);
    expect(layerSpanOfRange(scroller, range)).toEqual({
      start: { pageIndex: 1, offset: 0 },
      end: { pageIndex: 1, offset: 'The group'.length },
    });
    // A range that holds no text layer at all is no selection of the PDF's text.
    const empty = document.createRange();
    empty.setStart(scroller, 0);
    empty.setEnd(scroller, 0);
    expect(layerSpanOfRange(scroller, empty)).toBeNull();
  });
});
