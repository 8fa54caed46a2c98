/**
 * Making page text and notes inert in Markdown, as CommonMark, GitHub and Obsidian read it. Text is
 * escaped only where it could start something (emphasis, a link, HTML, a heading or list, an Obsidian
 * tag, comment, highlight, block id or formula), so ordinary prose stays readable in the raw file.
 */

const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029]/g;
/** Controls other than tab and the line breaks above: they have no place in a note and NUL breaks tools. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
const WORD = '[\\p{L}\\p{N}]';

/** Well-formed text with "\n" for every line break and no control characters. */
function cleanText(text: string): string {
  return text.toWellFormed().replace(LINE_BREAK, '\n').replace(CONTROL, '');
}

/** Escapes for characters that start inline syntax wherever they are. */
function escapeInline(line: string): string {
  return line
    // Code, emphasis, links and wikilinks, HTML and autolinks, tables, maths, strikethrough.
    .replace(/[\\`*[\]<|$~]/g, '\\$&')
    // Underscores inside a word (snake_case) never start emphasis; only those at a word's edge can.
    .replace(new RegExp(`(?<!${WORD})_|_(?!${WORD})`, 'gu'), '\\_')
    // Obsidian tags (#word) and an ATX heading's closing #; "C# code" needs nothing.
    .replace(/#(?!\s)/g, '\\#')
    // Obsidian ==highlights== and %%comments%%.
    .replace(/=(?==)|(?<==)=/g, '\\=')
    .replace(/%(?=%)|(?<=%)%/g, '\\%')
    // Entity references such as &lt; would be decoded.
    .replace(/&(?=#?\w+;)/g, '\\&')
    // "^id" at the end of a line is an Obsidian block id.
    .replace(/\^(?=[A-Za-z0-9-]+$)/, '\\^')
    // Bare addresses become links in GFM and Obsidian; page text may quote hostile ones.
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.');
}

/** Escapes for what starts a block at the beginning of a line: quotes, lists, headings, rules. */
function escapeLineStart(line: string): string {
  return line
    .replace(/^[>+=#-]/, '\\$&')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * One line of text as Markdown that reads as that text. Leading and trailing whitespace go (leading
 * spaces make code blocks, trailing ones line breaks); inner whitespace runs become one space.
 */
export function escapeMarkdownLine(line: string): string {
  return escapeLineStart(escapeInline(line.replace(/\s+/g, ' ').trim()));
}

/** Any text as one line of Markdown (for headings, names and list items). */
export function markdownInline(text: string): string {
  return escapeMarkdownLine(cleanText(text));
}

/**
 * A quote from a page as a blockquote. In page text a line break marks where one block (paragraph,
 * heading, list item) ends and the next begins, so each becomes its own quoted paragraph; other
 * whitespace runs are source formatting and become one space.
 */
export function markdownBlockquote(text: string): string {
  const paragraphs = cleanText(text).split(/\s*\n\s*/).map(escapeMarkdownLine).filter(Boolean);
  return paragraphs.length === 0 ? '>' : paragraphs.map((paragraph) => `> ${paragraph}`).join('\n>\n');
}

/**
 * Text the user wrote (a note) as Markdown paragraphs: its lines are kept, runs of blank lines become
 * one, and blank lines at either end go.
 */
export function markdownParagraphs(text: string): string {
  const lines = cleanText(text).split('\n').map(escapeMarkdownLine);
  const kept = lines.filter((line, i) => line !== '' || (i > 0 && lines[i - 1] !== ''));
  return kept.join('\n').trim();
}

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
  return url.toWellFormed().replace(/[\u0000-\u0020\u007f<>()\\`]|[^\u0000-\u007f]/gu, percentEncode);
}
