/**
 * The site a page belongs to, as Gloss pauses it: the lower-case host with its port when that is not
 * the scheme's default (`news.example`, `127.0.0.1:8080`). Only web pages (http and https) have one;
 * the same host over http and https is one site. Returns null for anything else.
 */
export function siteOfUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  // The URL parser lower-cases the host, encodes international names and drops default ports.
  return parsed.host || null;
}

/** Whether `value` is a site key as `siteOfUrl` makes them (for requests that name a site). */
export function isSiteKey(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 300) return false;
  return siteOfUrl(`http://${value}/`) === value || siteOfUrl(`https://${value}/`) === value;
}

/** A URL's host name as people write it, without a leading "www." (`news.example`); throws on an invalid URL. */
export function shownHost(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}
