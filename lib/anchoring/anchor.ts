/**
 * Finding stored highlights in the current page, cheapest evidence first:
 * (a) position: the text at the stored offsets is still the quote, and its context agrees;
 * (b) element: the same, at the stored offsets inside the element the stored path leads to (survives
 *     text added or removed elsewhere in the page, as long as the structure above it holds);
 * (c, d) the quote searched for in the whole text (match-quote.ts): exact occurrences chosen by context
 *     and nearness to (a) and (b), then approximate matches.
 * Results are text-index offsets; callers turn them into DOM ranges with index.rangeFor.
 */
import { elementPathStart } from './element-path';
import { MIN_SCORE, scorePlace, searchQuote } from './match-quote';
import { NormalizedText } from './normalize';
import type { TextIndex } from './text-index';
import type { AnchorMethod, AnchorResult, AnnotationTarget } from './types';

// One normalised copy per index: anchorAll shares it across all highlights of a page.
const normalizedTexts = new WeakMap<TextIndex, NormalizedText>();

function normalizedOf(index: TextIndex): NormalizedText {
  let normalized = normalizedTexts.get(index);
  if (!normalized) {
    normalized = new NormalizedText(index.text);
    normalizedTexts.set(index, normalized);
  }
  return normalized;
}

function anchored(start: number, end: number, score: number, method: AnchorMethod): AnchorResult {
  return { status: 'anchored', start, end, score, method };
}

/** The score of the quote sitting verbatim at `start`, or 0 if the text there is something else. */
function verbatimScore(index: TextIndex, target: AnnotationTarget, start: number): number {
  const { exact } = target.quote;
  if (start < 0 || exact.length === 0 || index.text.slice(start, start + exact.length) !== exact) return 0;
  return scorePlace(normalizedOf(index), target.quote, start, start + exact.length);
}

export function anchorTarget(index: TextIndex, target: AnnotationTarget): AnchorResult {
  const { exact } = target.quote;
  const positionStart = target.position.start;
  const byPosition = verbatimScore(index, target, positionStart);
  if (byPosition >= MIN_SCORE) return anchored(positionStart, positionStart + exact.length, byPosition, 'position');

  const elementStart = target.element ? elementPathStart(index, target.element) : null;
  if (elementStart !== null && elementStart !== positionStart) {
    const byElement = verbatimScore(index, target, elementStart);
    if (byElement >= MIN_SCORE) return anchored(elementStart, elementStart + exact.length, byElement, 'element');
  }

  const hints = elementStart === null ? [positionStart] : [positionStart, elementStart];
  const { match, bestScore } = searchQuote(normalizedOf(index), target.quote, hints);
  if (!match) return { status: 'orphan', bestScore: Math.max(bestScore, byPosition) };
  return anchored(match.start, match.end, match.score, match.exact ? 'exact' : 'fuzzy');
}

/** Anchors many highlights in one page, sharing the index and its normalised text. */
export function anchorAll(index: TextIndex, targets: readonly AnnotationTarget[]): AnchorResult[] {
  return targets.map((target) => anchorTarget(index, target));
}
