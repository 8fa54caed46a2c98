/**
 * Making page text inert in Markdown, as CommonMark, GitHub and Obsidian read it: quotes, titles, names.
 * Text is escaped only where it could start something (emphasis, a link, HTML, a heading or list, an
 * Obsidian tag, comment, highlight, block id or formula), so ordinary prose stays readable in the raw
 * file. The reader's own notes are Markdown and pass through instead (note-markdown.ts).
 */

import { collapseWhitespace } from './whitespace';

const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029]/g;
/** Controls other than tab and the line breaks above: they have no place in a note and NUL breaks tools. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
/** Either of the above bar "\n" (which stays as it is): most text holds none, and then has nothing to clean. */
const TO_CLEAN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
const WORD = '[\\p{L}\\p{N}]';

/** Well-formed text with "\n" for every line break and no control characters. */
export function cleanText(text: string): string {
  const wellFormed = text.toWellFormed();
  return TO_CLEAN.test(wellFormed) ? wellFormed.replace(LINE_BREAK, '\n').replace(CONTROL, '') : wellFormed;
}

const INLINE_SYNTAX = /[\\`*[\]<|$~]/g;
const INLINE_SYNTAX_TEST = new RegExp(INLINE_SYNTAX.source);
const EDGE_UNDERSCORE = new RegExp(`(?<!${WORD})_|_(?!${WORD})`, 'gu');
const TAG_HASH = /#(?!\s)/g;
const DOUBLED_EQUALS = /=(?==)|(?<==)=/g;
const DOUBLED_PERCENT = /%(?=%)|(?<=%)%/g;
const ENTITY_AMPERSAND = /&(?=#?\w+;)/g;
const BLOCK_ID_CARET = /\^(?=[A-Za-z0-9-]+$)/;
/**
 * GFM autolinks. Once one starts, a backslash no longer escapes anything up to the next space, so
 * their starts are what must be broken: "www." and "scheme://" anywhere, even inside a word (marked
 * starts a link at "xwww." or "a_www."), and the "@" of an e-mail address, that is one with a letter,
 * digit or "._+-" right before it and a letter, digit, "_" or "-" right after. Each test looks at one
 * character on either side, so the scan is linear.
 */
const WWW = /(www)\./gi;
const HAS_WWW = /www\./i;
/** Starts with the "@" itself, so the engine skips to each "@" rather than trying the lookbehind everywhere. */
const EMAIL_AT = /@(?<=[\p{L}\p{N}._+-]@)(?=[\p{L}\p{N}_-])/gu;

/**
 * Escapes for characters that start inline syntax wherever they are. The escapes are applied one after
 * another, each seeing what the ones before wrote (an escaped "#" no longer starts an entity); each is
 * skipped when the character it is about is absent, since most prose holds none of them and the
 * lookbehinds make a full scan slow.
 */
function escapeInline(line: string): string {
  // Code, emphasis, links and wikilinks, HTML and autolinks, tables, maths, strikethrough.
  let text = INLINE_SYNTAX_TEST.test(line) ? line.replace(INLINE_SYNTAX, '\\$&') : line;
  // Underscores inside a word (snake_case) never start emphasis; only those at a word's edge can.
  if (text.includes('_')) text = text.replace(EDGE_UNDERSCORE, '\\_');
  // Obsidian tags (#word) and an ATX heading's closing #; "C# code" needs nothing.
  if (text.includes('#')) text = text.replace(TAG_HASH, '\\#');
  // Obsidian ==highlights== and %%comments%%.
  if (text.includes('==')) text = text.replace(DOUBLED_EQUALS, '\\=');
  if (text.includes('%%')) text = text.replace(DOUBLED_PERCENT, '\\%');
  // Entity references such as &lt; would be decoded.
  if (text.includes('&')) text = text.replace(ENTITY_AMPERSAND, '\\&');
  // "^id" at the end of a line is an Obsidian block id.
  if (text.includes('^')) text = text.replace(BLOCK_ID_CARET, '\\^');
  // Bare addresses become links in GFM and Obsidian; page text may quote hostile ones.
  if (text.includes('://')) text = text.replaceAll('://', '\\://');
  if (HAS_WWW.test(text)) text = text.replace(WWW, '$1\\.');
  // So do e-mail addresses, with or without "mailto:" or "xmpp:" in front.
  if (text.includes('@')) text = text.replace(EMAIL_AT, '\\@');
  return text;
}

const LIST_MARKER = /^(\d{1,9})([.)])(?=\s|$)/;

/** Escapes for what starts a block at the beginning of a line: quotes, lists, headings, rules. */
function escapeLineStart(line: string): string {
  switch (line.charCodeAt(0)) {
    case 0x3e:
    case 0x2b:
    case 0x3d:
    case 0x23:
    case 0x2d: // > + = # -
      return `\\${line}`;
    default:
      return LIST_MARKER.test(line) ? line.replace(LIST_MARKER, '$1\\$2') : line;
  }
}

/**
 * One line of text as Markdown that reads as that text. Leading and trailing whitespace go (leading
 * spaces make code blocks, trailing ones line breaks); inner whitespace runs become one space.
 */
export function escapeMarkdownLine(line: string): string {
  return escapeLineStart(escapeInline(collapseWhitespace(line)));
}

/** Any text as one line of Markdown (for headings, names and list items). */
export function markdownInline(text: string): string {
  return escapeMarkdownLine(cleanText(text));
}

/**
 * A whitespace run holding a line break, matched from the run's start only: without the lookbehind a
 * long run of spaces with no line break was retried from each of its spaces (quadratic).
 */
const PARAGRAPH_BREAK = /(?<!\s)\s*\n\s*/;

/**
 * A quote from a page as a blockquote. In page text a line break marks where one block (paragraph,
 * heading, list item) ends and the next begins, so each becomes its own quoted paragraph; other
 * whitespace runs are source formatting and become one space.
 */
export function markdownBlockquote(text: string): string {
  const clean = cleanText(text);
  if (!clean.includes('\n')) {
    const line = escapeMarkdownLine(clean);
    return line ? `> ${line}` : '>';
  }
  const paragraphs = clean.split(PARAGRAPH_BREAK).map(escapeMarkdownLine).filter(Boolean);
  return paragraphs.length === 0 ? '>' : paragraphs.map((paragraph) => `> ${paragraph}`).join('\n>\n');
}

const LINK_UNSAFE = /[\u0000-\u0020\u007f<>()\\`]|[^\u0000-\u007f]/gu;
/** The same characters, for a quick test: most addresses are plain ASCII with nothing to encode. */
const LINK_UNSAFE_TEST = new RegExp(LINK_UNSAFE.source);

function percentEncode(character: string): string {
  const code = character.codePointAt(0)!;
  return code < 0x80 ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(character);
}

/**
 * An address made safe as a link destination `[text](here)`: whitespace, controls, angle brackets,
 * parentheses, backslashes and non-ASCII characters are percent-encoded, so nothing can end the link
 * early or be read as an escape. Servers and browsers read the encoded forms as the same address.
 */
export function markdownLinkDestination(url: string): string {
  return LINK_UNSAFE_TEST.test(url) ? url.toWellFormed().replace(LINK_UNSAFE, percentEncode) : url;
}
