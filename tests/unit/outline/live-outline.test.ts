// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { collectHeadings, normalizeHeadingText } from '@/lib/outline/headings';
import { alignWithLivePage, liveHeadings } from '@/lib/outline/live-outline';

function page(body: string): Document {
  document.body.innerHTML = body;
  return document;
}

describe('normalizeHeadingText', () => {
  it('collapses whitespace and trims', () => {
    expect(normalizeHeadingText('\n  Storm-1152’s   fraudulent\tactivities  ')).toBe('Storm-1152’s fraudulent activities');
  });
});

describe('collectHeadings', () => {
  it('lists h1–h6 in document order with their levels and skips empty ones', () => {
    page('<h1>Title</h1><p>x</p><h2> Part <em>one</em> </h2><h3></h3><section><h4>Deep</h4></section>');
    expect(collectHeadings(document.body)).toEqual([
      { level: 1, text: 'Title' },
      { level: 2, text: 'Part one' },
      { level: 4, text: 'Deep' },
    ]);
  });
});

describe('liveHeadings', () => {
  it('records each heading’s index among all heading elements, counting empty ones', () => {
    page('<h2>A</h2><h2> </h2><h3>B</h3>');
    expect(liveHeadings(document)).toEqual([
      { level: 2, text: 'A', liveIndex: 0 },
      { level: 3, text: 'B', liveIndex: 2 },
    ]);
  });
});

describe('alignWithLivePage', () => {
  const live = [
    { level: 1, text: 'Site name', liveIndex: 0 },
    { level: 1, text: 'Article title', liveIndex: 1 },
    { level: 3, text: 'Background', liveIndex: 2 },
    { level: 4, text: 'Details', liveIndex: 3 },
    { level: 2, text: 'Newsletter', liveIndex: 4 },
  ];

  it('takes levels and positions from the live page, not from the extracted copy', () => {
    const extracted = [
      { level: 2, text: 'Background' },
      { level: 2, text: 'Details' },
    ];
    expect(alignWithLivePage(extracted, live)).toEqual([
      { level: 3, text: 'Background', liveIndex: 2 },
      { level: 4, text: 'Details', liveIndex: 3 },
    ]);
  });

  it('maps a repeated heading text to successive occurrences', () => {
    const repeated = [
      { level: 2, text: 'Summary', liveIndex: 0 },
      { level: 2, text: 'Summary', liveIndex: 5 },
    ];
    expect(
      alignWithLivePage(
        [
          { level: 2, text: 'Summary' },
          { level: 2, text: 'Summary' },
        ],
        repeated,
      ),
    ).toEqual(repeated);
  });

  it('keeps an extracted heading the live page lacks, without a position', () => {
    expect(alignWithLivePage([{ level: 2, text: 'Only in the copy' }], live)).toEqual([
      { level: 2, text: 'Only in the copy', liveIndex: null },
    ]);
  });

  it('leaves out live headings that are not in the article (boilerplate)', () => {
    const outline = alignWithLivePage([{ level: 2, text: 'Background' }], live);
    expect(outline.map((item) => item.text)).not.toContain('Newsletter');
  });
});
