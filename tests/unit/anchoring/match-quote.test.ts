import { describe, expect, it } from 'vitest';
import { matchQuote, MIN_SCORE } from '@/lib/anchoring/match-quote';
import type { TextQuoteSelector } from '@/lib/anchoring/types';

/** A selector for text[start, end) with 32 characters of context, as describeRange stores it. */
function selectorFor(text: string, start: number, end: number): TextQuoteSelector {
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, end + 32),
  };
}

function selectorOf(text: string, exact: string, occurrence = 0): { selector: TextQuoteSelector; start: number } {
  let start = text.indexOf(exact);
  for (let i = 0; i < occurrence; i++) start = text.indexOf(exact, start + 1);
  if (start < 0) throw new Error(`fixture lacks ${exact}`);
  return { selector: selectorFor(text, start, start + exact.length), start };
}

const found = (text: string, match: { start: number; end: number } | null) => match && text.slice(match.start, match.end);

const ARTICLE = [
  'The harbour authority met on Tuesday to discuss the dredging of the northern channel.',
  'Engineers warned that silt had been building up faster than expected since the storms of last winter.',
  'The committee approved a budget of four million pounds for the first phase of the work.',
  'Fishermen said the delays had already cost them a month of the spring season.',
  'A final decision on the second phase is expected before the end of the year.',
].join(' ');

describe('matchQuote', () => {
  it('finds an exact quote where it was', () => {
    const { selector, start } = selectorOf(ARTICLE, 'approved a budget of four million pounds');
    const match = matchQuote(ARTICLE, selector, { position: start });
    expect(match).toMatchObject({ start, end: start + selector.exact.length });
    expect(match!.score).toBeCloseTo(1, 5);
  });

  it('follows a quote that moved because text was inserted before it', () => {
    const { selector, start } = selectorOf(ARTICLE, 'Fishermen said the delays');
    const moved = `Advertisement: subscribe for full access to our reporting. ${ARTICLE}`;
    const match = matchQuote(moved, selector, { position: start });
    expect(found(moved, match)).toBe('Fishermen said the delays');
    expect(match!.start).toBe(moved.indexOf('Fishermen'));
  });

  it('still anchors a long passage with one word changed inside it, to the edited text', () => {
    const { selector, start } = selectorOf(
      ARTICLE,
      'Engineers warned that silt had been building up faster than expected since the storms of last winter.',
    );
    const edited = ARTICLE.replace('building up faster', 'accumulating faster');
    const match = matchQuote(edited, selector, { position: start });
    expect(found(edited, match)).toBe(
      'Engineers warned that silt had been accumulating faster than expected since the storms of last winter.',
    );
    expect(match!.score).toBeLessThan(1);
    expect(match!.score).toBeGreaterThanOrEqual(MIN_SCORE);
  });

  it('anchors a long passage edited in two places, without a position hint', () => {
    const quote = ARTICLE.slice(ARTICLE.indexOf('The committee'), ARTICLE.indexOf(' A final'));
    const { selector } = selectorOf(ARTICLE, quote);
    const edited = ARTICLE.replace('four million', 'five million').replace('a month of', 'two weeks of');
    const match = matchQuote(edited, selector);
    expect(found(edited, match)).toBe(
      'The committee approved a budget of five million pounds for the first phase of the work. Fishermen said the delays had already cost them two weeks of the spring season.',
    );
  });

  it('finds an edited place even when a closer textual match with the wrong context is nearby', () => {
    // The approximate search reports only the lowest-error matches of each call; the decoy has fewer
    // errors than the edited original, so the original must be found through its surviving context.
    const quote = 'the northern channel will be dredged in the autumn';
    const original = `Council minutes. After a long debate it was agreed that ${quote} before the storms return.`;
    const { selector } = selectorOf(original, quote);
    const edited =
      original.replace('will be dredged in', 'shall be dredged during') +
      ` Unrelated column. Readers wrote that the northern channel will be dredged in the autumnn, they hope.`;
    const match = matchQuote(edited, selector);
    expect(found(edited, match)).toBe('the northern channel shall be dredged during the autumn');
  });

  it('handles a quote of several hundred characters in a long page', () => {
    const filler = Array.from({ length: 3000 }, (_, i) => `Line ${i} of the appendix lists item ${i * 7}.`).join(' ');
    const passage = ARTICLE.repeat(2).slice(0, 600);
    const text = `${filler} ${passage} ${filler}`;
    const { selector, start } = selectorOf(text, passage);
    const edited = text.replace('four million', 'six million').replace('Fishermen said', 'Fishers said');
    const match = matchQuote(edited, selector, { position: start });
    expect(match?.start).toBe(start);
    expect(found(edited, match)).toContain('six million pounds');
  });

  describe('whitespace changes cost nothing', () => {
    const { selector, start } = selectorOf(ARTICLE, 'silt had been building up faster than expected');

    it.each([
      ['reflowed source', ARTICLE.replace(/ /g, (_, i: number) => (i % 3 === 0 ? '\n        ' : ' '))],
      ['non-breaking spaces', ARTICLE.replace('silt had been', 'silt\u00a0had\u00a0been')],
      ['line breaks and tabs', ARTICLE.replace('building up faster', 'building\n\tup\r\nfaster')],
      ['collapsed double spaces', ARTICLE.replace('silt had', 'silt  had').replace(/ +/g, ' ')],
    ])('%s', (_, changed) => {
      const match = matchQuote(changed, selector, { position: start });
      expect(match).not.toBeNull();
      expect(found(changed, match)!.replace(/\s+/g, ' ')).toBe(selector.exact);
      expect(match!.score).toBeCloseTo(1, 2);
    });
  });

  describe('duplicated text', () => {
    const text = [
      'In the first study the results were inconclusive and the team asked for more time.',
      'Reviewers at the journal rejected the draft outright.',
      'In the second study the results were inconclusive and the team asked for more money.',
    ].join(' ');

    it('picks the copy whose context matches, even when the hint points at the other', () => {
      const { selector } = selectorOf(text, 'the results were inconclusive', 1);
      const wrongStart = text.indexOf('the results were inconclusive');
      const match = matchQuote(text, selector, { position: wrongStart });
      expect(match!.start).toBe(text.indexOf('the results were inconclusive', wrongStart + 1));
    });

    it('picks the first copy by its context too', () => {
      const { selector, start } = selectorOf(text, 'the results were inconclusive', 0);
      expect(matchQuote(text, selector, { position: text.length - 10 })!.start).toBe(start);
    });
  });

  describe('deleted text', () => {
    it('orphans a sentence that was deleted', () => {
      const { selector, start } = selectorOf(
        ARTICLE,
        'The committee approved a budget of four million pounds for the first phase of the work.',
      );
      const without = ARTICLE.replace('The committee approved a budget of four million pounds for the first phase of the work. ', '');
      expect(matchQuote(without, selector, { position: start })).toBeNull();
    });

    it('does not anchor to a similar sentence elsewhere', () => {
      const { selector, start } = selectorOf(
        ARTICLE,
        'The committee approved a budget of four million pounds for the first phase of the work.',
      );
      const without =
        ARTICLE.replace('The committee approved a budget of four million pounds for the first phase of the work. ', '') +
        ' Last year the council approved a budget of two million pounds for the first phase of the road.';
      expect(matchQuote(without, selector, { position: start })).toBeNull();
    });

    it('does not anchor to a similar sentence that slid into its place', () => {
      const text =
        'Results for March. Sales rose by four percent in the north region. Sales fell by two percent in the south region. Outlook unchanged.';
      const { selector, start } = selectorOf(text, 'Sales rose by four percent in the north region.');
      const without = text.replace('Sales rose by four percent in the north region. ', '');
      expect(matchQuote(without, selector, { position: start })).toBeNull();
    });
  });

  describe('a repeated phrase', () => {
    const sentences = [
      'On Monday the group met in the library to plan the campaign.',
      'Later that week the group published its first leaflet about the river.',
      'Critics said the group had ignored the farmers who depend on the water.',
      'By Friday the group had collected more than two thousand signatures.',
      'The mayor agreed to meet the group after the election in May.',
    ];
    const text = sentences.join(' ');

    it('is placed by its context, not by the first occurrence or the hint', () => {
      const { selector, start } = selectorOf(text, 'the group', 2);
      const match = matchQuote(text, selector, { position: text.indexOf('the group') });
      expect(match!.start).toBe(start);
    });

    it('is orphaned when its context is gone too, rather than guessed', () => {
      const { selector, start } = selectorOf(text, 'the group', 2);
      const rewritten = text.replace(sentences[2], 'Critics disagreed, saying that farmers were never consulted at all.');
      expect(rewritten.split('the group').length - 1).toBe(4);
      expect(matchQuote(rewritten, selector, { position: start })).toBeNull();
    });
  });

  describe('two identical copies with identical context', () => {
    const paragraph = 'Check the gauges. The valve must be closed firmly before the pump is started, or else the seals will fail quickly.';
    const text = `Section A. ${paragraph} Notes follow. ${paragraph} Notes follow. End.`;
    const second = text.lastIndexOf('before the pump');
    const selector = selectorFor(text, second, second + 'before the pump'.length);

    it('lets the hint decide when a copy is where the hint says', () => {
      expect(matchQuote(text, selector, { position: second })!.start).toBe(second);
    });

    it('orphans rather than guess when neither copy is near the hint', () => {
      // The banner moves the first copy closer to the old position than the second, which was the one.
      const shifted = `${'Breaking news banner text. '.repeat(8)}${text}`;
      expect(Math.abs(shifted.indexOf('before the pump') - second)).toBeLessThan(shifted.lastIndexOf('before the pump') - second);
      expect(matchQuote(shifted, selector, { position: second })).toBeNull();
    });
  });

  it('keeps an edited highlight in place although a verbatim copy of the old text exists elsewhere', () => {
    const shared = 'quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat duis aute irure';
    const text = `Lorem ipsum dolor sit amet ${shared} dolor. Tempor incididunt ${shared} dolor.`;
    const start = text.indexOf('ullamco laboris nisi');
    const selector = selectorFor(text, start, start + 'ullamco laboris nisi'.length);
    const edited = text.slice(0, start) + 'ullamco harbor nisi' + text.slice(start + 'ullamco laboris nisi'.length);
    const match = matchQuote(edited, selector, { position: start });
    expect(match).toMatchObject({ start, end: start + 'ullamco harbor nisi'.length });
  });

  describe('a quote whose context changed on both sides', () => {
    const before = 'Alpha paragraph about weather. ';
    const after = ' Omega paragraph about sports.';
    const long = 'The museum reopened its east wing after a renovation that took nearly three years.';

    it('still anchors when it is long and occurs once', () => {
      const text = `${before}${long}${after}`;
      const selector = selectorFor(text, before.length, before.length + long.length);
      const changed = `Completely different intro text here. ${long} Unrelated closing words follow now.`;
      expect(found(changed, matchQuote(changed, selector, { position: before.length }))).toBe(long);
    });

    it('is orphaned when it is short', () => {
      const text = `${before}the east wing${after}`;
      const selector = selectorFor(text, before.length, before.length + 'the east wing'.length);
      const changed = `Completely different intro text here. the east wing Unrelated closing words follow now.`;
      expect(matchQuote(changed, selector, { position: before.length })).toBeNull();
    });
  });

  describe('the score threshold', () => {
    // Prefix intact, suffix replaced, no hint: score = (50·(1 − errors/50) + 20·1 + 20·0) / 90, which
    // is exactly MIN_SCORE at 7 errors in a 50-character quote.
    const quote = 'abcdefghij klmnopqrst uvwxyzabcd efghijklmn opqrst';
    const prefix = 'The passage in question reads: ';
    const original = `${prefix}${quote} and then the story continues.`;
    const selector = selectorFor(original, prefix.length, prefix.length + quote.length);
    const withErrors = (n: number) => {
      const chars = [...quote];
      for (let i = 0; i < n; i++) chars[3 + i * 6] = '#';
      return `${prefix}${chars.join('')} 0123456789 0123456789 0123456789 0123456789`;
    };

    it('anchors just above it', () => {
      const match = matchQuote(withErrors(7), selector);
      expect(match).not.toBeNull();
      expect(match!.score).toBeCloseTo(MIN_SCORE, 5);
      expect(match!.start).toBe(prefix.length);
    });

    it('orphans just below it', () => {
      expect(matchQuote(withErrors(8), selector)).toBeNull();
    });
  });

  it('orphans an empty or whitespace-only quote', () => {
    expect(matchQuote(ARTICLE, { type: 'TextQuoteSelector', exact: '  ', prefix: '', suffix: '' })).toBeNull();
  });
});
