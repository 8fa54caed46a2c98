/**
 * The long test PDF: Wikipedia's "New Zealand" (real-pages/wikipedia-2.html) printed on 100+ small pages.
 * Reading it reports progress page by page and gives a text whose pages line up with the PDF's.
 */
import { describe, expect, it } from 'vitest';
import { pageAtOffset } from '@/lib/pdf/document-text';
import type { PdfProgress } from '@/lib/pdf/read-pdf';
import { readTestPdf } from '../../support/real-pdfs';
import { useTestPdfs } from '../../support/use-test-pdfs';

useTestPdfs(['long']);

describe('a PDF of over a hundred pages', () => {
  it('is read page by page, with progress after every page', async () => {
    const progress: PdfProgress[] = [];
    const reading = await readTestPdf('long', { onProgress: (step) => progress.push(step) });
    expect(reading.pageCount).toBeGreaterThanOrEqual(100);
    expect(progress).toEqual(Array.from({ length: reading.pageCount }, (_, i) => ({ pagesRead: i + 1, pageCount: reading.pageCount })));
    expect(reading.text.pages).toHaveLength(reading.pageCount);
  }, 120_000);

  it("has its pages in order, back to back, and the outline's pages in range", async () => {
    const reading = await readTestPdf('long');
    const { pages, text } = reading.text;
    pages.forEach((page, i) => {
      expect(page.pageNumber).toBe(i + 1);
      if (i > 0) expect(page.start).toBe(pages[i - 1].end + 2);
      if (page.end > page.start) expect(pageAtOffset(reading.text, page.start)).toBe(page.pageNumber);
    });
    expect(text.length).toBe(pages[pages.length - 1].end);
    expect(reading.metadata.title).toBe('New Zealand - Wikipedia');
    expect(reading.outline.length).toBeGreaterThan(20);
    expect(reading.outline.map((item) => item.text)).toContain('Etymology');
    for (const item of reading.outline) expect(item.pageNumber).toBeLessThanOrEqual(reading.pageCount);
  }, 120_000);

  it('stops between pages when asked to', async () => {
    const controller = new AbortController();
    const reason = new Error('the viewer closed');
    const read = readTestPdf('long', {
      signal: controller.signal,
      onProgress: ({ pagesRead }) => {
        if (pagesRead === 3) controller.abort(reason);
      },
    });
    await expect(read).rejects.toBe(reason);
  }, 120_000);
});
