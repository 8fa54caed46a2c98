import { describe, expect, it } from 'vitest';
import { buildDocumentText } from '@/lib/pdf/document-text';
import { anchorAllInPdf, anchorPdfTarget, describePdfOffsets, pageOfTarget } from '@/lib/pdf/pdf-anchoring';
import { line } from '../../support/pdf-text-items';
import { readTestPdf } from '../../support/real-pdfs';
import { useTestPdfs } from '../../support/use-test-pdfs';

useTestPdfs(['sample']);

describe('highlights on a PDF', () => {
  it('are described by quote, position and the page they start on', async () => {
    const { text } = await readTestPdf('sample');
    const exact = 'Connections with Other Cybercrime Groups';
    const start = text.text.indexOf(exact);
    const target = describePdfOffsets(text, start, start + exact.length);
    expect(target.quote.exact).toBe(exact);
    expect(target.position).toEqual({ type: 'TextPositionSelector', start, end: start + exact.length });
    expect(target.page).toEqual({ type: 'FragmentSelector', value: 'page=2', conformsTo: 'http://tools.ietf.org/rfc/rfc3778' });
    expect(pageOfTarget(target)).toBe(2);
    expect(target.element).toBeUndefined();
    expect(target.quote.prefix.length).toBeGreaterThan(0);
    expect(target.quote.suffix.length).toBeGreaterThan(0);
  });

  it('are found again at their place when the PDF is read again (as after a reload)', async () => {
    const first = await readTestPdf('sample');
    const again = await readTestPdf('sample', { url: 'https://mirror.example/copy.pdf' });
    const quotes = ['750 million fraudulent Microsoft accounts', 'Storm-1152', 'Arkose Labs'];
    const targets = quotes.map((exact) => {
      const start = first.text.text.indexOf(exact);
      return describePdfOffsets(first.text, start, start + exact.length);
    });
    const results = anchorAllInPdf(again.text, targets);
    results.forEach((result, i) => {
      expect(result).toMatchObject({
        status: 'anchored',
        method: 'position',
        start: targets[i].position.start,
        end: targets[i].position.end,
      });
    });
  });

  it('are found by their quote when the text moved, preferring the page they were on', () => {
    const before = buildDocumentText([
      [line('Cover page', 700)],
      [line('Storm-1152 sold accounts.', 700)],
      [line('Storm-1152 sold accounts.', 700)],
    ]);
    const onPageThree = before.pages[2].start;
    const target = describePdfOffsets(before, onPageThree, onPageThree + 'Storm-1152'.length);
    expect(pageOfTarget(target)).toBe(3);
    // A new edition adds a preface: every offset moves.
    const after = buildDocumentText([
      [line('Preface to the second edition', 700)],
      [line('Cover page', 700)],
      [line('Storm-1152 sold accounts.', 700)],
      [line('Storm-1152 sold accounts.', 700)],
    ]);
    const result = anchorPdfTarget(after, target);
    expect(result.status).toBe('anchored');
    if (result.status === 'anchored') expect(after.text.slice(result.start, result.end)).toBe('Storm-1152');
  });

  it('are orphaned, not moved to other text, when the quote is gone', () => {
    const before = buildDocumentText([[line('Storm-1152 sold 750 million accounts.', 700)]]);
    const target = describePdfOffsets(before, 0, before.text.length);
    const after = buildDocumentText([[line('An unrelated page about gardening and weather.', 700)]]);
    expect(anchorPdfTarget(after, target).status).toBe('orphan');
  });

  it('clamp offsets outside the text, and describe a backwards selection forwards', () => {
    const document = buildDocumentText([[line('alpha beta', 700)]]);
    expect(describePdfOffsets(document, 6, 1_000).quote.exact).toBe('beta');
    expect(describePdfOffsets(document, 5, 0).quote.exact).toBe('alpha');
  });
});
