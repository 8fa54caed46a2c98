import { describe, expect, it } from 'vitest';
import { repairBookmarkTitles } from '@/lib/pdf/bookmark-titles';
import { buildDocumentText } from '@/lib/pdf/document-text';
import { bodyFontSize, inferOutline, MAX_OUTLINE_ENTRIES, outlineFromBookmarks } from '@/lib/pdf/pdf-outline';
import type { PdfDocumentSource, PdfOutlineNode } from '@/lib/pdf/pdf-source';
import { line } from '../../support/pdf-text-items';
import { readTestPdf } from '../../support/real-pdfs';
import { useTestPdfs } from '../../support/use-test-pdfs';

useTestPdfs(['sample', 'sample-no-outline']);

/** A page of body text at 10 pt, with `extra` lines on top. */
function bodyPage(pageNumber: number, extra: ReturnType<typeof line>[] = []) {
  return [
    line(`Annual Report ${pageNumber}`, 800, 14),
    ...extra,
    ...Array.from({ length: 12 }, (_, i) => line(`Body text of page ${pageNumber}, line ${i + 1}, long enough to count.`, 600 - i * 12)),
    line(`Page ${pageNumber} of 4`, 40, 14),
  ];
}

describe('headings inferred from font sizes', () => {
  const document = buildDocumentText([
    bodyPage(1, [line('Threat report', 760, 24), line('Overview', 700, 18)]),
    bodyPage(2, [line('Infrastructure of the', 700, 18), line('group', 680, 18), line('Domains', 650, 14)]),
    bodyPage(3, [
      line(
        'A pull quote set large, running on far longer than any heading would ever run, over two hundred characters of text that nobody would take for a heading in a report, however large it is set on the page it sits on.',
        700,
        18,
      ),
    ]),
    bodyPage(4, [line('2024', 700, 18), line('Conclusions', 660, 18)]),
  ]);

  it('takes the body size from most of the text', () => {
    expect(bodyFontSize(document.lines)).toBe(10);
  });

  it('finds headings set clearly larger than the body, larger sizes higher, with their page and offset', () => {
    const outline = inferOutline(document);
    expect(outline.map(({ level, text, pageNumber }) => ({ level, text, pageNumber }))).toEqual([
      { level: 1, text: 'Threat report', pageNumber: 1 },
      { level: 2, text: 'Overview', pageNumber: 1 },
      { level: 2, text: 'Infrastructure of the group', pageNumber: 2 },
      { level: 3, text: 'Domains', pageNumber: 2 },
      { level: 2, text: 'Conclusions', pageNumber: 4 },
    ]);
    for (const item of outline) {
      expect(item.liveIndex).toBeNull();
      const start = item.text.split(' ')[0];
      expect(document.text.slice(item.offset, item.offset! + start.length)).toBe(start);
    }
  });

  it('leaves out running headers and footers, long lines set large, and lines without a letter', () => {
    const texts = inferOutline(document).map((item) => item.text);
    expect(texts.some((text) => text.startsWith('Annual Report') || text.startsWith('Page '))).toBe(false);
    expect(texts.some((text) => text.startsWith('A pull quote'))).toBe(false);
    expect(texts).not.toContain('2024');
  });

  it('finds no headings in text of one size, and none in no text', () => {
    expect(inferOutline(buildDocumentText([[line('Only body', 700), line('text here', 688)]]))).toEqual([]);
    expect(inferOutline(buildDocumentText([[]]))).toEqual([]);
  });
});

/** A document whose outline is `roots`; page references are { num: 100 + index, gen: 0 }. */
function withBookmarks(roots: PdfOutlineNode[] | null, named: Record<string, unknown[]> = {}): PdfDocumentSource {
  return {
    numPages: 5,
    fingerprints: ['0123456789abcdef0123456789abcdef', null],
    getPage: () => Promise.reject(new Error('not needed')),
    getMetadata: () => Promise.resolve({ info: {}, metadata: null }),
    getOutline: () => Promise.resolve(roots),
    getDestination: (id) => Promise.resolve((named[id] as unknown[]) ?? null),
    getPageIndex: (ref) => (ref.num >= 100 ? Promise.resolve(ref.num - 100) : Promise.reject(new Error('Invalid pageIndex request.'))),
  };
}

const node = (title: string, dest: PdfOutlineNode['dest'], items: PdfOutlineNode[] = []): PdfOutlineNode => ({ title, dest, items });

describe("the PDF's bookmarks", () => {
  it('are the outline, nested by depth and resolved to pages (explicit, named and index destinations)', async () => {
    const doc = withBookmarks(
      [
        node('Executive  summary', [{ num: 100, gen: 0 }, { name: 'XYZ' }, 0, 800, 0]),
        node('Findings', 'findings', [node('Infrastructure', [2, { name: 'Fit' }]), node('Broken link', [{ num: 7, gen: 0 }])]),
        node('   ', [{ num: 101, gen: 0 }]),
        node('Nowhere', null),
      ],
      { findings: [{ num: 102, gen: 0 }, { name: 'XYZ' }] },
    );
    expect(await outlineFromBookmarks(doc)).toEqual([
      { level: 1, text: 'Executive summary', liveIndex: null, pageNumber: 1 },
      { level: 1, text: 'Findings', liveIndex: null, pageNumber: 3 },
      { level: 2, text: 'Infrastructure', liveIndex: null, pageNumber: 3 },
      { level: 2, text: 'Broken link', liveIndex: null, pageNumber: null },
      { level: 1, text: 'Nowhere', liveIndex: null, pageNumber: null },
    ]);
  });

  it('are none when the PDF has none, or they cannot be read', async () => {
    expect(await outlineFromBookmarks(withBookmarks(null))).toEqual([]);
    const failing = { ...withBookmarks([]), getOutline: () => Promise.reject(new Error('bad outline')) };
    expect(await outlineFromBookmarks(failing)).toEqual([]);
  });

  it('stop at a thousand entries and at level 6, however many and deep a hostile PDF has', async () => {
    let deep = node('leaf', null);
    for (let depth = 0; depth < 50; depth++) deep = node(`level ${50 - depth}`, null, [deep]);
    const many = Array.from({ length: 5_000 }, (_, i) => node(`entry ${i}`, [i % 5]));
    const deepOutline = await outlineFromBookmarks(withBookmarks([deep]));
    expect(Math.max(...deepOutline.map((item) => item.level))).toBe(6);
    expect(await outlineFromBookmarks(withBookmarks(many))).toHaveLength(MAX_OUTLINE_ENTRIES);
  });

  it("get back the spaces a printer dropped where a heading wrapped, from the page's own text", () => {
    const document = buildDocumentText([
      [line('Microsoft’s Legal Action and Seizure of', 700, 18), line('Infrastructure', 680, 18), line('Body', 600)],
    ]);
    const repaired = repairBookmarkTitles(
      [
        { level: 1, text: 'Microsoft’s Legal Action and Seizure ofInfrastructure', liveIndex: null, pageNumber: 1 },
        { level: 1, text: 'Not on the page', liveIndex: null, pageNumber: 1 },
        { level: 1, text: 'No page', liveIndex: null, pageNumber: null },
      ],
      document,
    );
    expect(repaired.map((item) => item.text)).toEqual([
      'Microsoft’s Legal Action and Seizure of Infrastructure',
      'Not on the page',
      'No page',
    ]);
  });
});

describe('the outline of printed PDFs', () => {
  it('is the bookmarks when Chromium printed them, with the titles as the page shows them', async () => {
    const reading = await readTestPdf('sample');
    expect(reading.outlineSource).toBe('bookmarks');
    const texts = reading.outline.map((item) => item.text);
    expect(texts[0]).toBe('Microsoft Takes Down Cybercrime Group Storm-1152 and Disrupts Illicit Activities');
    expect(texts).toContain('Microsoft’s Legal Action and Seizure of Infrastructure');
    const sections = reading.outline.filter((item) => item.level === 2).map((item) => item.text);
    expect(sections.slice(0, 8)).toEqual([
      'Overview of Storm-1152’s fraudulent activities',
      'Microsoft’s Legal Action and Seizure of Infrastructure',
      'Cybercrime activities facilitated by Storm-1152',
      'Connections with Other Cybercrime Groups',
      'The role of threat intelligence in takedown',
      'Storm-1152’s Capabilities and Support for Complex Attacks',
      'Microsoft’s criminal referral and law enforcement involvement.',
      'Microsoft’s broader strategy and partnerships',
    ]);
    expect(reading.outline.every((item) => item.pageNumber !== null && item.pageNumber <= reading.pageCount)).toBe(true);
  });

  it('is inferred from font sizes when the PDF has no bookmarks: the title, then the eight sections in order', async () => {
    const reading = await readTestPdf('sample-no-outline');
    expect(reading.outlineSource).toBe('headings');
    const [title, ...rest] = reading.outline;
    expect(title).toMatchObject({
      level: 1,
      text: 'Microsoft Takes Down Cybercrime Group Storm-1152 and Disrupts Illicit Activities',
      pageNumber: 1,
    });
    const sections = rest.filter((item) => item.level === 2).map((item) => item.text);
    expect(sections.slice(0, 8)).toEqual([
      'Overview of Storm-1152’s fraudulent activities',
      'Microsoft’s Legal Action and Seizure of Infrastructure',
      'Cybercrime activities facilitated by Storm-1152',
      'Connections with Other Cybercrime Groups',
      'The role of threat intelligence in takedown',
      'Storm-1152’s Capabilities and Support for Complex Attacks',
      'Microsoft’s criminal referral and law enforcement involvement.',
      'Microsoft’s broader strategy and partnerships',
    ]);
    // Each heading sits in the text where the outline says.
    for (const item of reading.outline) {
      expect(reading.text.text.slice(item.offset!).replace(/\s+/g, ' ').startsWith(item.text)).toBe(true);
    }
  });
});
