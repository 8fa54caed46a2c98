/**
 * Links that open a page scrolled to a highlight: URL text fragments (WICG "URL Fragment Text
 * Directives", `#:~:text=[prefix-,]textStart[,textEnd][,-suffix]`). Browsers that lack them still open
 * the page, so a link made here never does worse than the plain address.
 *
 * What the spec's matching asks of each term, and so what this file makes sure of:
 * - every term lies inside one block (a paragraph, a heading), so a quote across blocks needs the
 *   textStart,textEnd form;
 * - the prefix starts at a word boundary and the suffix ends at one: context cut off mid-word by the
 *   selector's 32-character window is never used;
 * - without a prefix textStart must start at a word boundary, and without a suffix the match must end at
 *   one: a quote that starts or ends inside a word needs the context on that side.
 */
import { CONTEXT_LENGTH } from '../../anchoring/describe-range';
import type { TextQuoteSelector } from '../../anchoring/types';
import { collapseWhitespace } from './whitespace';

/** Quotes longer than this (whitespace collapsed) are linked by their first and last words. */
const LONG_QUOTE = 80;
/** Words kept from each end of a long quote. */
const EDGE_WORDS = 4;
/** Quotes shorter than this are likely to occur more than once on the page, so context goes along. */
const SHORT_QUOTE = 40;
/** Words of context kept on each side when context goes along. */
const CONTEXT_WORDS = 3;

const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;
const WORD_CHAR_AT_START = /^[\p{L}\p{N}\p{M}_]/u;
const WORD_CHAR_AT_END = /[\p{L}\p{N}\p{M}_]$/u;
const HAS_WORD = /[\p{L}\p{N}]/u;
const STARTS_WITH_SPACE = /^\s/;
const ENDS_WITH_SPACE = /\s$/;

/**
 * Whether `text` ends with a word character. Only its last character matters, and that is at most two
 * code units: testing those alone spares the regex a try at every position of a long quote.
 */
function endsWithWordChar(text: string): boolean {
  return WORD_CHAR_AT_END.test(text.slice(-2));
}

/**
 * Percent-encodes a term as encodeURIComponent does, plus "-", which the directive syntax uses
 * (encodeURIComponent already encodes "," and "&"). Lone surrogates, which encodeURIComponent rejects,
 * become U+FFFD.
 */
function encodeTerm(term: string): string {
  return encodeURIComponent(term.toWellFormed()).replaceAll('-', '%2D');
}

/**
 * The last `count` words of `text` (whitespace collapsed) from `start` on, counting only words that
 * hold a letter or digit, with any others between them.
 */
function wordsBefore(text: string, start: number, count: number): string {
  let from = text.length;
  let words = 0;
  for (let end = text.length; words < count && end > start;) {
    const space = text.lastIndexOf(' ', end - 1);
    from = space < start ? start : space + 1;
    if (HAS_WORD.test(text.slice(from, end))) words++;
    end = from - 1;
  }
  return text.slice(from);
}

/** The first `count` words of `text` (whitespace collapsed) up to `end`, as wordsBefore counts them. */
function wordsAfter(text: string, end: number, count: number): string {
  let to = 0;
  let words = 0;
  for (let start = 0; words < count && start < end;) {
    const space = text.indexOf(' ', start);
    to = space < 0 || space > end ? end : space;
    if (HAS_WORD.test(text.slice(start, to))) words++;
    start = to + 1;
  }
  return text.slice(0, to);
}

/**
 * Whole words of context next to the quote. The selector stores CONTEXT_LENGTH characters; when it is
 * that long its far end may cut a word, and that piece is dropped unless whitespace shows it is whole.
 */
function contextWords(context: string, side: 'before' | 'after'): string {
  const mayBeCut = context.length >= CONTEXT_LENGTH;
  const text = collapseWhitespace(context);
  if (side === 'before') {
    // The words are looked for after a first word that may be cut.
    const cut = mayBeCut && !STARTS_WITH_SPACE.test(context);
    const firstSpace = text.indexOf(' ');
    const start = !cut ? 0 : firstSpace < 0 ? text.length : firstSpace + 1;
    return wordsBefore(text, start, CONTEXT_WORDS);
  }
  // The words are looked for before a last word that may be cut.
  const cut = mayBeCut && !ENDS_WITH_SPACE.test(context);
  const end = !cut ? text.length : Math.max(text.lastIndexOf(' '), 0);
  return wordsAfter(text, end, CONTEXT_WORDS);
}

interface DirectiveTerms {
  prefix: string;
  textStart: string;
  textEnd: string;
  suffix: string;
}

/** Where the `n`th space of `text` is, or -1 when it has fewer. */
function nthSpace(text: string, n: number): number {
  let space = -1;
  for (let k = 0; k < n; k++) {
    space = text.indexOf(' ', space + 1);
    if (space < 0) break;
  }
  return space;
}

/** The first `count` words of collapsed text (words split by single spaces). */
function leadingWords(text: string, count: number): string {
  const space = nthSpace(text, count);
  return space < 0 ? text : text.slice(0, space);
}

/** The last `count` words of collapsed text. */
function trailingWords(text: string, count: number): string {
  let space = text.length;
  for (let k = 0; k < count; k++) {
    space = space > 0 ? text.lastIndexOf(' ', space - 1) : -1;
    if (space < 0) return text;
  }
  return text.slice(space + 1);
}

/** Whether collapsed text has more than `count` words. */
function hasMoreWords(text: string, count: number): boolean {
  return nthSpace(text, count) >= 0;
}

/**
 * textStart and textEnd: the whole quote, or a few words from each end when it is long or spans blocks.
 * `collapsed` is the quote with its whitespace collapsed, which the caller has already worked out.
 */
function matchTerms(exact: string, collapsed: string): { textStart: string; textEnd: string } {
  // Most quotes are one block, and then need no list of blocks.
  const blocks = LINE_BREAK.test(exact) ? exact.split(LINE_BREAK).map(collapseWhitespace).filter(Boolean) : null;
  const whole = blocks ? blocks.join(' ') : collapsed;
  const first = blocks ? (blocks[0] ?? '') : collapsed;
  const last = blocks ? (blocks[blocks.length - 1] ?? '') : collapsed;
  const ranged = (blocks !== null && blocks.length > 1) || (whole.length > LONG_QUOTE && hasMoreWords(first, 2 * EDGE_WORDS));
  if (!ranged) return { textStart: whole, textEnd: '' };
  return { textStart: leadingWords(first, EDGE_WORDS), textEnd: trailingWords(last, EDGE_WORDS) };
}

/** The four terms for a quote, or null when the quote has no text to look for. */
function directiveTerms(quote: TextQuoteSelector): DirectiveTerms | null {
  let exact = quote.exact;
  const collapsed = collapseWhitespace(exact);
  const startsInWord = endsWithWordChar(quote.prefix) && WORD_CHAR_AT_START.test(exact);
  const endsInWord = endsWithWordChar(exact) && WORD_CHAR_AT_START.test(quote.suffix);
  const short = collapsed.length < SHORT_QUOTE;
  const prefix = startsInWord || short ? contextWords(quote.prefix, 'before') : '';
  const suffix = endsInWord || short ? contextWords(quote.suffix, 'after') : '';
  // A quote that starts or ends inside a word cannot be found without whole-word context on that side;
  // without it, link to the rest of the quote rather than to nothing.
  const dropFirst = startsInWord && !prefix;
  const dropLast = endsInWord && !suffix;
  if (dropFirst) exact = exact.replace(/^[\p{L}\p{N}\p{M}_]+/u, '');
  // From the start of the last word only: tried from every letter, a long word before the end was quadratic.
  if (dropLast) exact = exact.replace(/(?<![\p{L}\p{N}\p{M}_])[\p{L}\p{N}\p{M}_]+$/u, '');
  const { textStart, textEnd } = matchTerms(exact, dropFirst || dropLast ? collapseWhitespace(exact) : collapsed);
  return textStart ? { prefix, textStart, textEnd, suffix } : null;
}

/** The `text=...` directive for a quote, or null when the quote is empty. */
export function textDirective(quote: TextQuoteSelector): string | null {
  const terms = directiveTerms(quote);
  if (!terms) return null;
  const prefix = terms.prefix ? `${encodeTerm(terms.prefix)}-,` : '';
  const textEnd = terms.textEnd ? `,${encodeTerm(terms.textEnd)}` : '';
  const suffix = terms.suffix ? `,-${encodeTerm(terms.suffix)}` : '';
  return `text=${prefix}${encodeTerm(terms.textStart)}${textEnd}${suffix}`;
}

/** A page address taken apart for text fragment links. */
export interface FragmentAddress {
  /** The address to link to when a quote gives no directive. */
  withoutDirective: string;
  /** What goes in front of the directive. */
  beforeDirective: string;
}

/**
 * The page address taken apart for text fragment links. An existing fragment is kept in front of the
 * directive (`#section:~:text=...`): browsers fall back to it when the text is not found, and on pages
 * that route by fragment it is part of the address. A directive already in it is replaced.
 */
export function fragmentAddress(pageUrl: string): FragmentAddress {
  const hash = pageUrl.indexOf('#');
  const base = hash < 0 ? pageUrl : pageUrl.slice(0, hash);
  const fragment = hash < 0 ? '' : pageUrl.slice(hash + 1).split(':~:')[0];
  return { withoutDirective: fragment ? `${base}#${fragment}` : base, beforeDirective: `${base}#${fragment}:~:` };
}

/** The page address with a text fragment for the quote (see fragmentAddress). */
export function textFragmentUrl(pageUrl: string, quote: TextQuoteSelector): string {
  const address = fragmentAddress(pageUrl);
  const directive = textDirective(quote);
  return directive ? `${address.beforeDirective}${directive}` : address.withoutDirective;
}
