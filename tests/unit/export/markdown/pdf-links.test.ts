import { describe, expect, it } from 'vitest';
import { pageMarkdown } from '@/lib/export/markdown/page-markdown';
import type { PageExport } from '@/lib/export/page-export';
import { pageFragmentSelector } from '@/lib/pdf/page-selector';
import type { AnnotationRecord, PageRecord } from '@/lib/storage/records';

const KEY = 'urn:x-pdf:7524424c8dd47c47d284cf6ed827a72b';

function highlight(pageUrl: string, exact: string, start: number, pageNumber: number | null): AnnotationRecord {
  return {
    id: `0d2f1c5e-4c1b-4f5e-9a55-2f0c4a1c9a${String(start).padStart(2, '0').slice(-2)}`,
    pageUrl,
    documentKey: KEY,
    color: 'yellow',
    note: '',
    tags: [],
    createdAt: 1,
    updatedAt: 1,
    target: {
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
      ...(pageNumber !== null && { page: pageFragmentSelector(pageNumber) }),
    },
  };
}

function pdfExport(url: string, annotations: AnnotationRecord[]): PageExport {
  const page: PageRecord = { url, documentKey: KEY, title: 'Storm-1152 takedown', siteName: 'vendor.example', createdAt: 1, updatedAt: 1 };
  return { page, annotations, entityTags: [], actors: [] };
}

const EXPORTED_AT = new Date('2024-05-01T12:00:00Z');

describe('Markdown links to PDF highlights', () => {
  it('go back to the page of the PDF: <url>#page=N', () => {
    const url = 'https://vendor.example/research/storm-1152.pdf';
    const markdown = pageMarkdown(
      pdfExport(url, [highlight(url, 'Storm-1152', 10, 1), highlight(url, 'Arkose Labs', 5_000, 3)]),
      EXPORTED_AT,
    );
    expect(markdown).toContain('[↗ Open page 1](https://vendor.example/research/storm-1152.pdf#page=1) · Yellow highlight');
    expect(markdown).toContain('[↗ Open page 3](https://vendor.example/research/storm-1152.pdf#page=3) · Yellow highlight');
    expect(markdown).not.toContain(':~:text=');
  });

  it("keep the address's query, and fall back to a text fragment link for a highlight without a page", () => {
    const url = 'https://vendor.example/download?id=7';
    const markdown = pageMarkdown(
      pdfExport(url, [highlight(url, 'Storm-1152', 10, 2), highlight(url, 'Arkose Labs', 99, null)]),
      EXPORTED_AT,
    );
    expect(markdown).toContain('(https://vendor.example/download?id=7#page=2)');
    expect(markdown).toContain('[↗ Open passage](https://vendor.example/download?id=7#:~:text=Arkose%20Labs)');
  });

  it('are left out for a PDF read from a local file, which has no address to go back to', () => {
    const markdown = pageMarkdown(pdfExport(KEY, [highlight(KEY, 'Storm-1152', 10, 4)]), EXPORTED_AT);
    expect(markdown).not.toContain('](');
    expect(markdown).toContain('> Storm-1152');
    expect(markdown).toContain('Yellow highlight');
  });
});
