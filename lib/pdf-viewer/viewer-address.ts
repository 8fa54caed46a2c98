/**
 * The addresses of Gloss's PDF viewer: `pdf.html?file=<url>`. The viewer fetches the document itself,
 * so only web addresses are accepted; anything else (javascript:, data:, file:, another extension) is
 * refused with a reason rather than loaded.
 */

export type ViewerFile = { kind: 'none' } | { kind: 'url'; url: string } | { kind: 'refused'; given: string };

/** The query string that opens `fileUrl` in the viewer. */
export function viewerSearchFor(fileUrl: string): string {
  return `?file=${encodeURIComponent(fileUrl)}`;
}

/** Reads the `file` parameter of the viewer's own address. */
export function viewerFileFromSearch(search: string): ViewerFile {
  const given = new URLSearchParams(search).get('file');
  if (given === null || given.trim() === '') return { kind: 'none' };
  let parsed: URL;
  try {
    parsed = new URL(given);
  } catch {
    return { kind: 'refused', given };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { kind: 'refused', given };
  return { kind: 'url', url: parsed.href };
}

/** Whether a web address names a PDF by its path (`….pdf`), the one hint a link gives before it is fetched. */
export function looksLikePdfAddress(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && /\.pdf$/i.test(parsed.pathname);
  } catch {
    return false;
  }
}

/** A short name for the document from its address: the file name, else the host. */
export function fileNameOfAddress(url: string): string {
  try {
    const parsed = new URL(url);
    const last = parsed.pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : parsed.hostname;
  } catch {
    return url;
  }
}
