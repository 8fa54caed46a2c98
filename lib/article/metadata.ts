/** What Gloss shows about a page. Every value comes from the page, so treat them all as untrusted text. */
export interface ArticleMetadata {
  title: string;
  byline: string | null;
  siteName: string | null;
  /** As the page states it (usually ISO 8601); null when the page gives none. */
  publishedTime: string | null;
  excerpt: string | null;
  lang: string | null;
  dir: string | null;
}

/** The fields Readability reports, any of which may be missing. */
export interface ReadabilityMetadata {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  excerpt?: string | null;
  lang?: string | null;
  dir?: string | null;
}

const MAX_FIELD_LENGTH = 500;

/** Trims, drops empty values and caps length, so a hostile page cannot flood the popup. */
export function cleanField(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (!trimmed) return null;
  return trimmed.length > MAX_FIELD_LENGTH ? `${trimmed.slice(0, MAX_FIELD_LENGTH - 1)}…` : trimmed;
}

/** The host name people recognise a site by: "www.example.com" becomes "example.com". */
export function siteNameFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    return hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** The first machine-readable date in the document, for pages whose metadata states none. */
export function firstTimeElementDate(doc: Document): string | null {
  // In order of trust: a date inside the article beats one in the page's chrome.
  for (const selector of ['article time[datetime]', 'main time[datetime]', 'time[datetime]']) {
    const value = cleanField(doc.querySelector(selector)?.getAttribute('datetime'));
    if (value && !Number.isNaN(Date.parse(value))) return value;
  }
  return null;
}

/**
 * Fills the gaps Readability leaves: a title from the document or the address, a site name from the
 * host, a date from a `<time>` element. Readability's own values win, so results stay comparable
 * with its test suite.
 */
export function completeMetadata(found: ReadabilityMetadata | null, doc: Document, url: string | null): ArticleMetadata {
  return {
    title: cleanField(found?.title) ?? cleanField(doc.title) ?? siteNameFromUrl(url) ?? 'Untitled page',
    byline: cleanField(found?.byline),
    siteName: cleanField(found?.siteName) ?? siteNameFromUrl(url),
    publishedTime: cleanField(found?.publishedTime) ?? firstTimeElementDate(doc),
    excerpt: cleanField(found?.excerpt),
    lang: cleanField(found?.lang) ?? cleanField(doc.documentElement?.getAttribute('lang')),
    dir: cleanField(found?.dir),
  };
}
