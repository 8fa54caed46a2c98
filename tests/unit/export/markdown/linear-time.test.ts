/**
 * The Markdown export's regular expressions over quotes (page text, up to 100,000 characters) run in
 * linear time. Two were quadratic: splitting a quote into paragraphs retried a long run of spaces from
 * each of its spaces (40,000 spaces took 2 s, a full quote would take about 13 s), and cutting a quote's
 * last, partly selected word retried a long word from each of its letters (about 9 s for 100,000
 * letters). Each generator (fast-check, tests/support/hostile-text.ts) makes 200,000 characters; the
 * limit is generous for linear work and far short of what the quadratic versions took.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownBlockquote, markdownInline } from '@/lib/export/markdown/escape';
import { markdownNote } from '@/lib/export/markdown/note-markdown';
import { textDirective } from '@/lib/export/markdown/text-fragment';
import { LONG_WORD, TEXT_GENERATORS, WHITESPACE_RUNS } from '../../../support/hostile-text';

const LIMIT_MS = 5_000;

function elapsedMs(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe('Markdown export of hostile quotes', () => {
  it('splits a quote into paragraphs in linear time when it holds long runs of spaces (PARAGRAPH_BREAK)', () => {
    // A line break first, so the quote takes the paragraph path; then the runs, none holding a break.
    const quote = WHITESPACE_RUNS.arbitrary.map((text) => `A heading\n${text}`);
    fc.assert(
      fc.property(quote, (text) => {
        expect(elapsedMs(() => markdownBlockquote(text))).toBeLessThan(LIMIT_MS);
      }),
      { numRuns: 2 },
    );
  });

  it('cuts a partly selected last word in linear time when a long word comes before it (text fragments)', () => {
    // The suffix is one cut word of context, so the quote's last word goes; the long word stays.
    const quote = LONG_WORD.arbitrary.map((word) => ({
      type: 'TextQuoteSelector' as const,
      exact: `${word} b`,
      prefix: '',
      suffix: 'x'.repeat(32),
    }));
    fc.assert(
      fc.property(quote, (selector) => {
        expect(elapsedMs(() => textDirective(selector))).toBeLessThan(LIMIT_MS);
      }),
      { numRuns: 2 },
    );
  });

  it.each(TEXT_GENERATORS)('escapes $label in linear time', (generator) => {
    fc.assert(
      fc.property(generator.arbitrary, (text) => {
        const withBreaks = `${text.slice(0, 1_000)}\n${text.slice(1_000)}`;
        for (const escape of [markdownInline, markdownBlockquote, markdownNote]) {
          expect(elapsedMs(() => escape(withBreaks))).toBeLessThan(LIMIT_MS);
        }
        expect(
          elapsedMs(() => textDirective({ type: 'TextQuoteSelector', exact: text, prefix: 'x'.repeat(32), suffix: 'x'.repeat(32) })),
        ).toBeLessThan(LIMIT_MS);
      }),
      { numRuns: 1 },
    );
  });
});
