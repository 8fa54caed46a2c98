import { describe, expect, it } from 'vitest';
import { linkLabel, linkPlace, pageLinkTarget, MAX_LINK_WORDS_LENGTH, wordsUnder } from '@/lib/pdf-viewer/page-links';

describe('a PDF’s links, laid over its pages', () => {
  it('leads inside the document only to a page it has', () => {
    expect(pageLinkTarget(0, 3)).toEqual({ kind: 'page', pageNumber: 1 });
    expect(pageLinkTarget(2, 3)).toEqual({ kind: 'page', pageNumber: 3 });
    for (const index of [3, -1, 1.5, Number.NaN, '1', null]) expect(pageLinkTarget(index, 3)).toBeNull();
  });

  it('places a link by fractions of its page, corners in any order, clipped to the page', () => {
    expect(linkPlace([60, 40, 120, 20], 600, 800)).toEqual({ left: 0.1, top: 0.025, width: 0.1, height: 0.025 });
    // Sums of fractions: equal to the last few bits.
    const near = (value: number) => expect.closeTo(value, 12);
    expect(linkPlace([-60, 790, 30, 900], 600, 800)).toEqual({ left: 0, top: near(790 / 800), width: near(0.05), height: near(10 / 800) });
    expect(linkPlace([700, 10, 800, 20], 600, 800)).toBeNull();
    expect(linkPlace([10, 10, 10, 20], 600, 800)).toBeNull();
    expect(linkPlace([10, 10, 20], 600, 800)).toBeNull();
    expect(linkPlace([10, Number.NaN, 20, 30], 600, 800)).toBeNull();
    expect(linkPlace([10, 10, 20, 30], 0, 800)).toBeNull();
  });

  it('says where a link leads', () => {
    expect(linkLabel({ kind: 'page', pageNumber: 4 })).toBe('Go to page 4');
    expect(linkLabel({ kind: 'web', url: 'mailto:soc@example.com' })).toBe('Write to soc@example.com');
    expect(linkLabel({ kind: 'web', url: 'https://example.com/' })).toBe('https://example.com/');
  });

  it('names a link by the words under it, not by the rest of their line', () => {
    // "See the report, then write to us": the link lies over "the report" (characters 4 to 13 of 32).
    const line = { text: 'See the report, then write to us', left: 0.1, top: 0.2, width: 0.66, height: 0.02 };
    const place = { left: 0.1 + (4 / 32) * 0.66, top: 0.195, width: (10 / 32) * 0.66, height: 0.03 };
    expect(wordsUnder(place, [line])).toBe('the report');
  });

  it('joins the words of every line a link covers, and leaves out lines above and below it', () => {
    const runs = [
      { text: 'Above', left: 0.1, top: 0.1, width: 0.1, height: 0.02 },
      { text: 'Read the', left: 0.1, top: 0.2, width: 0.16, height: 0.02 },
      { text: 'advisory', left: 0.1, top: 0.23, width: 0.16, height: 0.02 },
      { text: 'Below', left: 0.1, top: 0.3, width: 0.1, height: 0.02 },
    ];
    expect(wordsUnder({ left: 0.09, top: 0.19, width: 0.2, height: 0.07 }, runs)).toBe('Read the advisory');
  });

  it('has no words where no text lies under the link', () => {
    expect(
      wordsUnder({ left: 0.5, top: 0.5, width: 0.1, height: 0.1 }, [{ text: 'Far away', left: 0.1, top: 0.1, width: 0.1, height: 0.02 }]),
    ).toBe('');
    expect(wordsUnder({ left: 0.5, top: 0.5, width: 0.1, height: 0.1 }, [])).toBe('');
  });

  it('cuts a long name at whole characters', () => {
    const page = { text: '𝔸'.repeat(MAX_LINK_WORDS_LENGTH + 50), left: 0, top: 0, width: 1, height: 0.5 };
    const words = wordsUnder({ left: 0, top: 0, width: 1, height: 1 }, [page]);
    expect([...words]).toHaveLength(MAX_LINK_WORDS_LENGTH + 1);
    expect(words.endsWith('𝔸…')).toBe(true);
  });
});
