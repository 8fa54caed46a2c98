import { describe, expect, it } from 'vitest';
import { buildDocumentText, DocumentTextBuilder, pageAtOffset } from '@/lib/pdf/document-text';
import type { PdfContentItem } from '@/lib/pdf/pdf-source';
import { line, run } from '../../support/pdf-text-items';

describe('the document text of a PDF', () => {
  it('joins runs on one line, with a space only where the runs leave a gap', () => {
    const { text } = buildDocumentText([
      [
        run('Storm', 72, 700, { width: 25 }),
        run('-1152', 97, 700, { width: 25 }),
        run('sold', 130, 700, { width: 20 }),
        run(' accounts', 150, 700, { width: 45 }),
      ],
    ]);
    expect(text).toBe('Storm-1152 sold accounts');
  });

  it('breaks lines where pdf.js marks an end of line, and where the baseline moves down', () => {
    const { text } = buildDocumentText([
      [
        run('First line', 72, 700, { hasEOL: true }),
        // The next run is on the same baseline, but the end-of-line mark wins.
        run('second', 72, 700),
        line('third', 688),
      ],
    ]);
    expect(text).toBe('First line\nsecond\nthird');
  });

  it('keeps a superscript on its line: a baseline shift under half the font size is no new line', () => {
    const { text } = buildDocumentText([[run('x', 72, 700, { width: 5 }), run('2', 77, 703, { size: 6, width: 3 })]]);
    expect(text).toBe('x2');
  });

  it('starts a paragraph at a wide gap, at a change of font size and between pages', () => {
    const { text, pages } = buildDocumentText([
      [line('A Heading', 740, 18), line('Body line one', 710), line('body line two', 698), line('Next paragraph', 670)],
      [line('Page two', 740)],
    ]);
    expect(text).toBe('A Heading\n\nBody line one\nbody line two\n\nNext paragraph\n\nPage two');
    expect(pages.map(({ start, end }) => text.slice(start, end))).toEqual([
      'A Heading\n\nBody line one\nbody line two\n\nNext paragraph',
      'Page two',
    ]);
  });

  it('joins a name wrapped at its hyphen back together', () => {
    const { text } = buildDocumentText([[line('operated by Storm-', 700), line('1152 and others', 688)]]);
    expect(text).toBe('operated by Storm-1152 and others');
  });

  it('records where each item starts, so text-layer spans map onto the text exactly', () => {
    const items: PdfContentItem[] = [
      { type: 'beginMarkedContentProps', id: 'mc0' },
      run('Overview', 72, 700, { width: 40, hasEOL: true }),
      run('', 72, 700, { width: 0, hasEOL: true }),
      run('Storm-1152 had', 72, 688, { width: 70 }),
      run('operated', 150, 688, { width: 40 }),
      { type: 'endMarkedContent' },
    ];
    const document = buildDocumentText([[line('Cover', 700)], items]);
    const [, page] = document.pages;
    items.forEach((item, i) => {
      if ('str' in item) expect(document.text.slice(page.itemOffsets[i], page.itemOffsets[i] + item.str.length)).toBe(item.str);
    });
    expect(page.itemOffsets[0]).toBe(page.start);
    expect(page.itemOffsets[5]).toBe(page.end);
  });

  it('gives every line its page, offsets and largest font size', () => {
    const { text, lines } = buildDocumentText([[line('Title', 740, 20), line('Body', 700)], [line('More', 700)]]);
    expect(lines.map((l) => [l.pageNumber, text.slice(l.start, l.end), l.fontSize])).toEqual([
      [1, 'Title', 20],
      [1, 'Body', 10],
      [2, 'More', 10],
    ]);
  });

  it('keeps a page without text as an empty page, so page numbers stay right', () => {
    const document = buildDocumentText([[line('One', 700)], [], [line('Three', 700)]]);
    expect(document.pages.map((p) => p.pageNumber)).toEqual([1, 2, 3]);
    expect(document.pages[1].start).toBe(document.pages[1].end);
    expect(pageAtOffset(document, document.text.indexOf('Three'))).toBe(3);
  });

  it('finds the page of any offset; an offset between pages belongs to the next', () => {
    const document = buildDocumentText([[line('alpha', 700)], [line('beta', 700)], [line('gamma', 700)]]);
    expect(document.text).toBe('alpha\n\nbeta\n\ngamma');
    expect(pageAtOffset(document, 0)).toBe(1);
    expect(pageAtOffset(document, 4)).toBe(1);
    expect(pageAtOffset(document, 7)).toBe(2);
    expect(pageAtOffset(document, document.text.length)).toBe(3);
    expect(pageAtOffset({ pages: [] }, 0)).toBeNull();
  });

  it('builds page by page: text built early keeps its offsets when pages follow', () => {
    const builder = new DocumentTextBuilder();
    builder.addPage([line('first page', 700)]);
    const early = builder.build();
    builder.addPage([line('second page', 700)]);
    const full = builder.build();
    expect(full.text.startsWith(early.text)).toBe(true);
    expect(full.pages[0]).toEqual(early.pages[0]);
    expect(builder.pageCount).toBe(2);
  });
});
