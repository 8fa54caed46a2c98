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

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Percent-encodes a term as encodeURIComponent does, plus "-", which the directive syntax uses
 * (encodeURIComponent already encodes "," and "&"). Lone surrogates, which encodeURIComponent rejects,
 * become U+FFFD.
 */
function encodeTerm(term: string): string {
  return encodeURIComponent(term.toWellFormed()).replace(/-/g, '%2D');
}

/** Up to `count` tokens from one end of `tokens`, counting only tokens that hold a letter or digit. */
function takeWords(tokens: string[], count: number, fromEnd: boolean): string[] {
  const ordered = fromEnd ? [...tokens].reverse() : tokens;
  const kept: string[] = [];
  let words = 0;
  for (const token of ordered) {
    if (words === count) break;
    kept.push(token);
    if (HAS_WORD.test(token)) words++;
  }
  return fromEnd ? kept.reverse() : kept;
}

/**
 * Whole words of context next to the quote. The selector stores CONTEXT_LENGTH characters; when it is
 * that long its far end may cut a word, and that piece is dropped unless whitespace shows it is whole.
 */
function contextWords(context: string, side: 'before' | 'after'): string {
  const mayBeCut = context.length >= CONTEXT_LENGTH;
  let text = context.replace(/\s+/g, ' ');
  if (side === 'before' && mayBeCut && !text.startsWith(' ')) text = text.replace(/^\S*/, '');
  if (side === 'after' && mayBeCut && !text.endsWith(' ')) text = text.replace(/\S*$/, '');
  const tokens = text.split(' ').filter(Boolean);
  return takeWords(tokens, CONTEXT_WORDS, side === 'before').join(' ');
}

interface DirectiveTerms {
  prefix: string;
  textStart: string;
  textEnd: string;
  suffix: string;
}

/** textStart and textEnd: the whole quote, or a few words from each end when it is long or spans blocks. */
function matchTerms(exact: string): { textStart: string; textEnd: string } {
  const blocks = exact.split(LINE_BREAK).map(collapse).filter(Boolean);
  const whole = blocks.join(' ');
  const first = blocks[0]?.split(' ') ?? [];
  const last = blocks[blocks.length - 1]?.split(' ') ?? [];
  const ranged = blocks.length > 1 || (whole.length > LONG_QUOTE && first.length > 2 * EDGE_WORDS);
  if (!ranged) return { textStart: whole, textEnd: '' };
  return { textStart: first.slice(0, EDGE_WORDS).join(' '), textEnd: last.slice(-EDGE_WORDS).join(' ') };
}

/** The four terms for a quote, or null when the quote has no text to look for. */
function directiveTerms(quote: TextQuoteSelector): DirectiveTerms | null {
  let exact = quote.exact;
  const startsInWord = WORD_CHAR_AT_END.test(quote.prefix) && WORD_CHAR_AT_START.test(exact);
  const endsInWord = WORD_CHAR_AT_END.test(exact) && WORD_CHAR_AT_START.test(quote.suffix);
  const short = collapse(exact).length < SHORT_QUOTE;
  const prefix = startsInWord || short ? contextWords(quote.prefix, 'before') : '';
  const suffix = endsInWord || short ? contextWords(quote.suffix, 'after') : '';
  // A quote that starts or ends inside a word cannot be found without whole-word context on that side;
  // without it, link to the rest of the quote rather than to nothing.
  if (startsInWord && !prefix) exact = exact.replace(/^[\p{L}\p{N}\p{M}_]+/u, '');
  if (endsInWord && !suffix) exact = exact.replace(/[\p{L}\p{N}\p{M}_]+$/u, '');
  const { textStart, textEnd } = matchTerms(exact);
  return textStart ? { prefix, textStart, textEnd, suffix } : null;
}

/** The `text=...` directive for a quote, or null when the quote is empty. */
export function textDirective(quote: TextQuoteSelector): string | null {
  const terms = directiveTerms(quote);
  if (!terms) return null;
  const parts = [
    terms.prefix && `${encodeTerm(terms.prefix)}-`,
    encodeTerm(terms.textStart),
    terms.textEnd && encodeTerm(terms.textEnd),
    terms.suffix && `-${encodeTerm(terms.suffix)}`,
  ];
  return `text=${parts.filter(Boolean).join(',')}`;
}

/**
 * The page address with a text fragment for the quote. An existing fragment is kept in front of the
 * directive (`#section:~:text=...`): browsers fall back to it when the text is not found, and on pages
 * that route by fragment it is part of the address. A directive already in it is replaced.
 */
export function textFragmentUrl(pageUrl: string, quote: TextQuoteSelector): string {
  const hash = pageUrl.indexOf('#');
  const base = hash < 0 ? pageUrl : pageUrl.slice(0, hash);
  const fragment = hash < 0 ? '' : pageUrl.slice(hash + 1).split(':~:')[0];
  const directive = textDirective(quote);
  if (!directive) return fragment ? `${base}#${fragment}` : base;
  return `${base}#${fragment}:~:${directive}`;
}
