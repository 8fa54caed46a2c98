/**
 * Reads a WebDAV PROPFIND answer (a multistatus XML document) into file names and ETags, without an XML
 * parser: service workers have no DOMParser. It scans tags with indexOf only (linear in the answer's
 * length, whatever a server sends), ignoring namespace prefixes (servers write D:, d:, lp1: or none).
 */
export interface ListedEntry {
  /** The path the server gave, percent-decoded. */
  href: string;
  etag: string | null;
  collection: boolean;
}

const localName = (tag: string): string => {
  const name = tag.replace(/^\/?/, '').split(/[\s/>]/, 1)[0];
  const colon = name.lastIndexOf(':');
  return (colon >= 0 ? name.slice(colon + 1) : name).toLowerCase();
};

const unescapeXml = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Null when the text is no multistatus document (a server answering with a web page, say). */
export function parseMultistatus(xml: string): ListedEntry[] | null {
  if (!/multistatus/i.test(xml.slice(0, 2_000))) return null;
  const entries: ListedEntry[] = [];
  let current: ListedEntry | null = null;
  let textStart = -1;
  let open = '';
  let at = 0;
  for (;;) {
    const start = xml.indexOf('<', at);
    if (start < 0) break;
    const end = xml.indexOf('>', start);
    if (end < 0) break;
    const tag = xml.slice(start + 1, end);
    at = end + 1;
    if (tag.startsWith('?') || tag.startsWith('!')) continue;
    const closing = tag.startsWith('/');
    const name = localName(tag);
    const selfClosing = tag.endsWith('/');
    if (!closing) {
      if (name === 'response') current = { href: '', etag: null, collection: false };
      else if (name === 'collection' && current) current.collection = true;
      if (!selfClosing) {
        open = name;
        textStart = at;
      }
      continue;
    }
    if (current && name === open && textStart >= 0) {
      const text = unescapeXml(xml.slice(textStart, start).trim());
      if (name === 'href') {
        try {
          current.href = decodeURIComponent(text);
        } catch {
          current.href = text;
        }
      } else if (name === 'getetag' && text !== '') current.etag = text;
    }
    if (name === 'response' && current) {
      entries.push(current);
      current = null;
    }
    open = '';
    textStart = -1;
  }
  return entries;
}

/** The last segment of a listed path: the file's name in its folder. */
export function entryName(href: string): string {
  const path = href.replace(/^[a-z]+:\/\/[^/]*/i, '').replace(/(?<!\/)\/+$/, '');
  return path.slice(path.lastIndexOf('/') + 1);
}
