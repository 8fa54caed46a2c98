import { describe, expect, it } from 'vitest';
import { fileNameOfAddress, looksLikePdfAddress, viewerFileFromSearch, viewerSearchFor } from '@/lib/pdf-viewer/viewer-address';

describe('the viewer’s address', () => {
  it('round-trips a web address with its own query and fragment', () => {
    const url = 'https://example.org/reports/q3 report.pdf?download=1&lang=en#page=2';
    expect(viewerFileFromSearch(viewerSearchFor(url))).toEqual({ kind: 'url', url: new URL(url).href });
  });

  it('has no file without the parameter', () => {
    expect(viewerFileFromSearch('')).toEqual({ kind: 'none' });
    expect(viewerFileFromSearch('?file=')).toEqual({ kind: 'none' });
  });

  it('refuses anything but http and https, and what is no address at all', () => {
    for (const given of [
      'javascript:alert(1)',
      'data:application/pdf;base64,JVBERi0=',
      'file:///etc/passwd',
      'chrome-extension://abc/x.pdf',
      'not a url',
    ]) {
      expect(viewerFileFromSearch(viewerSearchFor(given))).toEqual({ kind: 'refused', given });
    }
  });

  it('tells a PDF link by its path, whatever the case or query', () => {
    expect(looksLikePdfAddress('https://example.org/a/report.PDF?x=1')).toBe(true);
    expect(looksLikePdfAddress('https://example.org/report.pdf.html')).toBe(false);
    expect(looksLikePdfAddress('ftp://example.org/report.pdf')).toBe(false);
    expect(looksLikePdfAddress('report.pdf')).toBe(false);
  });

  it('names a document by its file name, else its host', () => {
    expect(fileNameOfAddress('https://example.org/docs/Storm%201152.pdf?x')).toBe('Storm 1152.pdf');
    expect(fileNameOfAddress('https://example.org/')).toBe('example.org');
  });
});
