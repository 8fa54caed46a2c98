import { describe, expect, it } from 'vitest';
import { BadPdfAnalysis, checkPdfTabAnalysis, documentTextOf, MAX_PDF_TEXT } from '@/lib/pdf-viewer/pdf-tab-analysis';

const good = () => ({
  address: 'https://vendor.example/report.pdf',
  fileName: 'report.pdf',
  documentKey: 'urn:x-pdf:0123456789abcdef',
  pageCount: 2,
  metadata: { title: 'A report', byline: null, siteName: 'vendor.example', publishedTime: null, excerpt: null, lang: 'en', dir: null },
  outline: [{ level: 1, text: 'Intro', liveIndex: null, pageNumber: 1, offset: 0 }],
  text: 'Intro\n\nPage two.',
  pageStarts: [0, 7],
});

describe('the PDF analysis the viewer reports', () => {
  it('keeps the checked fields and nothing else', () => {
    const checked = checkPdfTabAnalysis({ ...good(), extra: '<img src=x onerror=alert(1)>', metadata: { ...good().metadata, evil: 1 } });
    expect(checked).toEqual(good());
  });

  it('takes a local file (no address), and titles a document without one by its file name', () => {
    const checked = checkPdfTabAnalysis({ ...good(), address: null, metadata: { ...good().metadata, title: '' } });
    expect(checked.address).toBeNull();
    expect(checked.metadata.title).toBe('report.pdf');
  });

  it.each([
    ['not an object', 'analysis'],
    ['an address that is not http(s)', { ...good(), address: 'file:///etc/passwd' }],
    ['a document key that is none', { ...good(), documentKey: 'urn:x-pdf:zz' }],
    ['a page count of zero', { ...good(), pageCount: 0, pageStarts: [] }],
    ['page starts that do not match the pages', { ...good(), pageStarts: [0] }],
    ['an outline entry of level 9', { ...good(), outline: [{ level: 9, text: 'x', pageNumber: 1 }] }],
    ['an outline entry pointing past the text', { ...good(), outline: [{ level: 1, text: 'x', pageNumber: 1, offset: 99 }] }],
    ['a title that is not text', { ...good(), metadata: { ...good().metadata, title: { toString: (): string => 'x' } } }],
    ['a text over the limit', { ...good(), text: 'x'.repeat(MAX_PDF_TEXT + 1) }],
  ])('refuses %s, saying what is wrong', (_label, value) => {
    expect(() => checkPdfTabAnalysis(value)).toThrow(BadPdfAnalysis);
  });

  it('cuts metadata fields down to a sane length', () => {
    const checked = checkPdfTabAnalysis({ ...good(), metadata: { ...good().metadata, byline: 'A'.repeat(10_000) } });
    expect(checked.metadata.byline).toHaveLength(2_000);
  });

  it('gives the document text with page bounds for anchoring', () => {
    const document = documentTextOf(good());
    expect(document.pages.map(({ pageNumber, start, end }) => [pageNumber, start, end])).toEqual([
      [1, 0, 7],
      [2, 7, 16],
    ]);
  });
});
