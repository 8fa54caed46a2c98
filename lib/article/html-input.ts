/** Whether some bytes can be read as an HTML page, and if not, why not in a few plain words. */
export type HtmlInputCheck = { ok: true } | { ok: false; problem: string };

/** How far into the file to look for NUL bytes, as git does to tell binary from text. */
const BINARY_SNIFF_BYTES = 8192;

// A start tag, an end tag, a doctype or a comment. Text with none of these is not HTML.
const HTML_MARKUP = /<(?:!doctype\s+html|!--|\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>)/i;

/** The text encoding a byte-order mark announces, and the mark's length. */
export function byteOrderMark(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function looksLikeJson(text: string): boolean {
  if (!/^[[{]/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Sniffs a file before it is parsed as HTML. An HTML parser accepts anything, so without this a PNG or
 * a JSON file would come out as a page of garbage. UTF-16 needs its byte-order mark: without one its
 * NUL bytes make it look binary (HTML parsers do not detect it either).
 */
export function checkHtmlInput(bytes: Uint8Array): HtmlInputCheck {
  if (bytes.length === 0) return { ok: false, problem: 'the file is empty' };
  const bom = byteOrderMark(bytes);
  if (bom?.encoding !== 'utf-16le' && bom?.encoding !== 'utf-16be') {
    if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
      return { ok: false, problem: 'not an HTML file (it contains binary data)' };
    }
  }
  // Non-UTF-8 bytes decode to U+FFFD, which is harmless here: only ASCII markup is looked for.
  const text = new TextDecoder(bom?.encoding ?? 'utf-8').decode(bytes.subarray(bom?.length ?? 0)).trim();
  if (!text) return { ok: false, problem: 'the file is empty (only whitespace)' };
  if (looksLikeJson(text)) return { ok: false, problem: 'not an HTML file (it is JSON)' };
  if (!HTML_MARKUP.test(text)) return { ok: false, problem: 'not an HTML file (no HTML tags found)' };
  return { ok: true };
}

/**
 * Whether the bytes are non-ASCII UTF-8 with no byte-order mark. HTML's own sniffing only looks for a
 * `<meta charset>` in the first 1,024 bytes and otherwise falls back to windows-1252, which garbles
 * UTF-8 pages whose declaration comes later or is missing (common in saved pages). Legacy-encoded
 * non-ASCII text is almost never valid UTF-8, so such bytes can safely be read as UTF-8, as Firefox
 * does for local files. Pure ASCII is left to the page's declaration (it may be ISO-2022-JP).
 */
export function isNonAsciiUtf8(bytes: Uint8Array): boolean {
  if (byteOrderMark(bytes) || !bytes.some((byte) => byte >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

function hasVisibleText(root: Node): boolean {
  // An explicit stack, not recursion: a hostile page can nest elements deeper than the call stack.
  const pending: Node[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3 && (child.nodeValue ?? '').trim()) return true;
      if (child.nodeType === 1 && !NOT_TEXT.has((child as Element).tagName.toUpperCase())) pending.push(child);
    }
  }
  return false;
}

/** Whether the page's body holds any text a reader could see (script and style contents do not count). */
export function documentHasText(doc: Document): boolean {
  return doc.body !== null && hasVisibleText(doc.body);
}
