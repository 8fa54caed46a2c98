/**
 * Which addresses Gloss's own pages may turn into links: absolute web and mail addresses only. A link in
 * a PDF or in a reader's note comes from elsewhere (a document, another device, a backup), and a
 * `javascript:` or `data:` link drawn in an extension page would run with the extension's rights.
 */
const WEB_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/** Longer addresses are refused: no real link needs them, and they would only bloat the page. */
const MAX_URL_LENGTH = 4_096;

/** The address as the link opens it, or null when it is not an absolute web or mail address. */
export function webLinkUrl(address: unknown): string | null {
  if (typeof address !== 'string' || address.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return null;
  }
  return WEB_PROTOCOLS.has(url.protocol) ? url.href : null;
}
