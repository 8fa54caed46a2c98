import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pdfDownloadName } from '@/lib/pdf-viewer/download-name';

describe('the name of a saved copy of a PDF', () => {
  it('keeps a plain name, and makes sure it ends in .pdf', () => {
    expect(pdfDownloadName('Storm-1152 report.pdf')).toBe('Storm-1152 report.pdf');
    expect(pdfDownloadName('report.PDF')).toBe('report.pdf');
    expect(pdfDownloadName('download')).toBe('download.pdf');
  });

  it('takes out folder separators, control characters and leading dots, and names an empty one', () => {
    expect(pdfDownloadName('../../etc/passwd')).toBe('etc passwd.pdf');
    expect(pdfDownloadName('a\u0000b\u202ec\nd.pdf')).toBe('a b c d.pdf');
    expect(pdfDownloadName('C:\\Users\\me\\report.pdf')).toBe('C Users me report.pdf');
    expect(pdfDownloadName('...')).toBe('document.pdf');
    expect(pdfDownloadName('   ')).toBe('document.pdf');
  });

  it('is never empty, never long, never holds a separator, and always ends in .pdf', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (name) => {
        const saved = pdfDownloadName(name);
        expect(saved.endsWith('.pdf')).toBe(true);
        expect(saved.length).toBeGreaterThan(4);
        expect(saved.length).toBeLessThanOrEqual(120);
        expect(saved).not.toMatch(/[/\\\p{Cc}]/u);
        expect(saved.startsWith('.')).toBe(false);
      }),
    );
  });
});
