/**
 * Why Gloss cannot read a tab. Each reason has a plain-words explanation in the popup.
 * - browser-page: the browser's own pages (settings, new tab, about:, other extensions)
 * - extension-store: stores forbid extensions from running on them
 * - file-access: a local file, and the user has not allowed Gloss to read files
 * - pdf: the browser's PDF viewer
 * - restricted: the browser refused for another reason
 * - no-tab: the tab was closed
 * - timeout: the page did not answer in time
 * - failed: the page answered with an error
 * - paused: the person paused Gloss on the page's site (the background does not read it)
 */
export type UnreadableReason =
  'browser-page' | 'extension-store' | 'file-access' | 'pdf' | 'restricted' | 'no-tab' | 'timeout' | 'failed' | 'paused';

const BROWSER_SCHEMES = new Set([
  'about:',
  'chrome:',
  'chrome-extension:',
  'chrome-search:',
  'chrome-untrusted:',
  'devtools:',
  'edge:',
  'brave:',
  'opera:',
  'vivaldi:',
  'moz-extension:',
  'resource:',
  'view-source:',
  'jar:',
  'data:',
  'blob:',
  'javascript:',
]);

/** Stores where browsers forbid extensions from running, as host plus path prefix. */
const EXTENSION_STORES: ReadonlyArray<readonly [string, string]> = [
  ['chromewebstore.google.com', '/'],
  ['chrome.google.com', '/webstore'],
  ['addons.mozilla.org', '/'],
  ['microsoftedge.microsoft.com', '/addons'],
];

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Decides from the address alone whether the tab is off-limits. Returns null when the address
 * allows it (or is unknown, which happens when the browser hides it); injection then has the final word.
 */
export function unreadableReasonForUrl(url: string | null | undefined): UnreadableReason | null {
  if (!url) return null;
  const parsed = parse(url);
  if (!parsed) return null;
  if (BROWSER_SCHEMES.has(parsed.protocol)) {
    // Chrome's PDF viewer is itself an extension with this fixed id.
    return parsed.protocol === 'chrome-extension:' && parsed.hostname === 'mhjfbmdgcfjbbpaeojofohoefgiehjai' ? 'pdf' : 'browser-page';
  }
  const host = parsed.hostname.toLowerCase();
  if (EXTENSION_STORES.some(([storeHost, prefix]) => host === storeHost && parsed.pathname.startsWith(prefix))) {
    return 'extension-store';
  }
  return null;
}

/** Firefox shows PDFs in its own viewer, where extensions are refused, under the document's address. */
function looksLikePdf(url: string | null | undefined): boolean {
  const parsed = url ? parse(url) : null;
  return parsed !== null && /\.pdf$/i.test(parsed.pathname);
}

/** Turns the browser's refusal to run a script into a reason, using the tab's address where known. */
export function unreadableReasonForError(message: string, url: string | null | undefined): UnreadableReason {
  const fromUrl = unreadableReasonForUrl(url);
  if (fromUrl) return fromUrl;
  const text = message.toLowerCase();
  if (text.includes('no tab with id') || text.includes('invalid tab id')) return 'no-tab';
  if (text.includes('extensions gallery') || text.includes('webstore')) return 'extension-store';
  if (text.includes('file://') || url?.startsWith('file:')) return 'file-access';
  if (text.includes('chrome://') || text.includes('chrome-extension://') || text.includes('about:')) return 'browser-page';
  if (text.includes('pdf') || looksLikePdf(url)) return 'pdf';
  if (text.includes('permission') || text.includes('cannot access') || text.includes('cannot be scripted')) {
    return 'restricted';
  }
  return 'failed';
}

/** Only web addresses may become links in Gloss's own pages; javascript:, data: and the like never do. */
export function isSafeLinkUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && ['http:', 'https:'].includes(parsed.protocol);
}
