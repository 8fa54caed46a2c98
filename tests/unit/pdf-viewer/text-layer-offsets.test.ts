import { describe, expect, it } from 'vitest';
import { buildDocumentText } from '@/lib/pdf/document-text';
import type { PdfContentItem } from '@/lib/pdf/pdf-source';
import { describePdfOffsets } from '@/lib/pdf/pdf-anchoring';
import { pageTextOfItems } from '@/lib/pdf-viewer/page-text';
import { layerRangeOnPage } from '@/lib/pdf-viewer/document-offsets';
import { documentOffsetOfLayer, layerItemsOf } from '@/lib/pdf-viewer/text-layer-offsets';
import { line, run } from '../../support/pdf-text-items';

// Two pages as pdf.js reports them: runs on a line with a gap (the document text adds a space), lines ending
// in an end-of-line mark (the layer's <br>), a marked-content entry and an empty run.
const PAGES: PdfContentItem[][] = [
  [
    { type: 'beginMarkedContent' },
    run('Storm-1152 sold', 72, 700, { width: 75 }),
    run('accounts', 160, 700, { width: 40, hasEOL: true }),
    { type: 'endMarkedContent' },
    run('', 72, 688),
    line('to cybercriminals.', 688),
  ],
  [line('Microsoft took down', 700), run('its sites', 72, 688, { hasEOL: true })],
];

const documentText = buildDocumentText(PAGES);

/** The layer offset of `needle` in page `index`'s layer text (what the DOM walk counts). */
function layerOffset(index: number, needle: string, after = false): number {
  const text = pageTextOfItems(PAGES[index]);
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not on page ${index + 1}`);
  return after ? at + needle.length : at;
}

describe('text layer → document text offsets (and back through document-offsets.ts)', () => {
  it('turns a selection in the text layer into the document text it shows', () => {
    const page = documentText.pages[0];
    const items = layerItemsOf(PAGES[0]);
    const start = documentOffsetOfLayer(page, items, layerOffset(0, 'sold'), 'start');
    const end = documentOffsetOfLayer(page, items, layerOffset(0, 'cybercriminals', true), 'end');
    // The layer has no space between "sold" and "accounts" and a <br> after it; the document text has a
    // space and a line break there: the quote reads as the text does.
    expect(documentText.text.slice(start, end)).toBe('sold accounts\nto cybercriminals');
  });

  it('takes a selection that starts or ends on a line break to the text beside it, not the break', () => {
    const page = documentText.pages[0];
    const items = layerItemsOf(PAGES[0]);
    const br = layerOffset(0, 'accounts', true); // the place of the <br>
    expect(
      documentText.text.slice(documentOffsetOfLayer(page, items, br, 'start'), documentOffsetOfLayer(page, items, br + 1 + 2, 'end')),
    ).toBe('to');
    expect(
      documentText.text.slice(
        documentOffsetOfLayer(page, items, layerOffset(0, 'accounts'), 'start'),
        documentOffsetOfLayer(page, items, br + 1, 'end'),
      ),
    ).toBe('accounts');
  });

  it('maps offsets on the second page into the document text after the first', () => {
    const page = documentText.pages[1];
    const items = layerItemsOf(PAGES[1]);
    const start = documentOffsetOfLayer(page, items, layerOffset(1, 'took'), 'start');
    const end = documentOffsetOfLayer(page, items, layerOffset(1, 'sites', true), 'end');
    expect(start).toBeGreaterThan(documentText.pages[0].end);
    expect(documentText.text.slice(start, end)).toBe('took down\nits sites');
  });

  it('gives back the layer span of stored document offsets, page by page, for painting', () => {
    const from = documentText.text.indexOf('cybercriminals');
    const to = documentText.text.indexOf('took') + 'took'.length;
    const target = describePdfOffsets(documentText, from, to);
    expect(target.page?.value).toBe('page=1');
    const first = layerRangeOnPage(documentText.pages[0], PAGES[0], from, to);
    const second = layerRangeOnPage(documentText.pages[1], PAGES[1], from, to);
    expect(first && pageTextOfItems(PAGES[0]).slice(first.start, first.end)).toBe('cybercriminals.');
    expect(second && pageTextOfItems(PAGES[1]).slice(second.start, second.end)).toBe('Microsoft took');
  });

  it('round-trips: a layer span mapped to the document and back is the same span', () => {
    const text = pageTextOfItems(PAGES[0]);
    const page = documentText.pages[0];
    const items = layerItemsOf(PAGES[0]);
    for (const needle of ['Storm-1152', 'sold', 'accounts', 'to cybercriminals.', 'm-1152 so']) {
      const start = text.indexOf(needle);
      const docStart = documentOffsetOfLayer(page, items, start, 'start');
      const docEnd = documentOffsetOfLayer(page, items, start + needle.length, 'end');
      expect(layerRangeOnPage(page, PAGES[0], docStart, docEnd)).toEqual({ page: 0, start, end: start + needle.length });
    }
  });

  it('finds nothing to paint on a page the highlight does not reach', () => {
    const from = documentText.text.indexOf('Storm');
    expect(layerRangeOnPage(documentText.pages[1], PAGES[1], from, from + 5)).toBeNull();
  });
});
