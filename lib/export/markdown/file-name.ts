/**
 * A file name for a page's Markdown note that every common file system and Obsidian accept. Titles are
 * page text, so anything may be in them.
 */
import type { PageRecord } from '../../storage/records';

/** Longest name before ".md", in UTF-8 bytes: well under the usual 255-byte limit, with room for " (2)". */
const MAX_BYTES = 120;
const FALLBACK = 'Untitled page';

/**
 * Controls, lone surrogates and invisible format characters: bidirectional overrides could make
 * "gpj.exe" show as "exe.jpg", and zero-width characters make names that look alike differ. The zero
 * width joiner and non-joiner stay: emoji sequences and several scripts need them.
 */
const INVISIBLE = /(?![\u200c\u200d])[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/gu;
/** Reserved on Windows, or link syntax in Obsidian note names ("#", "^", "[", "]", "|"). */
const RESERVED = /[<>:"/\\|?*#^[\]]/g;
/** Names Windows reserves for devices, with any extension. */
const DEVICE_NAME = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)/i;

function tidy(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(INVISIBLE, '')
      .replace(/(?:(?<!\s)\s+)?:\s*/g, ' - ')
      .replace(/[/\\|]/g, '-')
      .replace(RESERVED, ' ')
      .replace(/\s+/g, ' ')
      // Leading dots hide files and leading dashes read as options; Windows drops trailing dots and spaces.
      .replace(/^[\s.-]+|(?<![\s.-])[\s.-]+$/g, '')
  );
}

/** The longest prefix of whole characters (grapheme clusters) that fits in `maxBytes` of UTF-8. */
function truncateUtf8(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= maxBytes) return text;
  let result = '';
  let bytes = 0;
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)) {
    bytes += encoder.encode(segment).length;
    if (bytes > maxBytes) break;
    result += segment;
  }
  return result.replace(/(?<![\s.-])[\s.-]+$/, '');
}

function hostName(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** `<title>.md`, made safe; the site's host name or "Untitled page" when the title leaves nothing. */
export function markdownFileName(page: Pick<PageRecord, 'title' | 'url'>): string {
  let name = truncateUtf8(tidy(page.title ?? ''), MAX_BYTES);
  if (!name) name = truncateUtf8(tidy(hostName(page.url)), MAX_BYTES) || FALLBACK;
  if (DEVICE_NAME.test(name)) name = `_${name}`;
  return `${name}.md`;
}
