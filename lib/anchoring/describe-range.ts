/**
 * Turning a selection into the selectors stored with a highlight.
 */
import { describeElementPath } from './element-path';
import { normalizeWhitespace } from './normalize';
import type { TextIndex } from './text-index';
import type { AnnotationTarget } from './types';

/** Characters of context kept on each side of the quote. */
export const CONTEXT_LENGTH = 32;

/**
 * Up to CONTEXT_LENGTH characters of context before or after [start, end), whitespace-collapsed. The
 * exact quote stays verbatim, but context is stored collapsed: indented page source often has 20 or more
 * spaces and line breaks between paragraphs, and 32 raw characters of that say nothing about the place.
 * Matching ignores whitespace runs anyway (normalize.ts).
 */
export function quoteContext(text: string, start: number, end: number, side: 'before' | 'after'): string {
  for (let reach = CONTEXT_LENGTH * 2; ; reach *= 2) {
    const raw = side === 'before' ? text.slice(Math.max(0, start - reach), start) : text.slice(end, end + reach);
    const collapsed = normalizeWhitespace(raw);
    const exhausted = side === 'before' ? start - reach <= 0 : end + reach >= text.length;
    // One character more than needed: the far edge of the slice may cut a whitespace run in two.
    if (collapsed.length > CONTEXT_LENGTH || exhausted) {
      return side === 'before' ? collapsed.slice(-CONTEXT_LENGTH) : collapsed.slice(0, CONTEXT_LENGTH);
    }
  }
}

/** The selectors for text offsets [start, end) of the index. */
export function describeOffsets(index: TextIndex, start: number, end: number): AnnotationTarget {
  const { text } = index;
  const element = describeElementPath(index, start, end);
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: quoteContext(text, start, end, 'before'),
      suffix: quoteContext(text, start, end, 'after'),
    },
    position: { type: 'TextPositionSelector', start, end },
    ...(element ? { element } : {}),
  };
}

/** The selectors for a DOM range (a reader's selection). */
export function describeRange(index: TextIndex, range: Range): AnnotationTarget {
  const a = index.offsetOf(range.startContainer, range.startOffset);
  const b = index.offsetOf(range.endContainer, range.endOffset);
  return describeOffsets(index, Math.min(a, b), Math.max(a, b));
}
