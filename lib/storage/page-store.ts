import type { GlossDatabase } from './database';
import { keepableActorKeys, keepPage } from './keep-records';
import { MAX_BYLINE, MAX_PUBLISHED_TIME, MAX_SITE_NAME, MAX_TITLE } from './record-schemas';
import type { PageRecord } from './records';

/** What the page itself says about it, recorded when the user first keeps something from it. */
export interface PageDetails {
  title: string;
  siteName: string | null;
}

/** Page details as a page reported them (untrusted): a bounded title, and a site name only if it is text. */
export function cleanPageDetails(page: { title?: unknown; siteName?: unknown }): PageDetails {
  return {
    title: String(page.title ?? '').slice(0, MAX_TITLE),
    siteName: typeof page.siteName === 'string' ? page.siteName.slice(0, MAX_SITE_NAME) : null,
  };
}

/**
 * Creates the page record, or refreshes `updatedAt` (and gives a PDF's page its `documentKey`). A known page keeps its title (the article's own,
 * once Gloss has read it: recordArticleDetails) and gains only a site name it lacked.
 * Call inside a transaction on `pages`. A page Gloss cannot keep (an address over 8,192 characters, not
 * http or https) is refused with a RecordProblem; a title made from a long address is clamped.
 */
export async function touchPage(
  db: GlossDatabase,
  url: string,
  details: PageDetails | null,
  now: number,
  documentKey?: string,
): Promise<PageRecord> {
  const existing = await db.pages.get(url);
  const page = keepPage(
    existing
      ? { ...existing, siteName: existing.siteName ?? details?.siteName ?? null, updatedAt: now }
      : { url, title: details?.title ?? url, siteName: details?.siteName ?? null, createdAt: now, updatedAt: now, actors: [] },
  );
  // A PDF's page learns its document key with its first highlight that has one.
  if (documentKey !== undefined && page.documentKey === undefined) page.documentKey = keepPage({ ...page, documentKey }).documentKey;
  await db.pages.put(page);
  return page;
}

/**
 * Records which threat actors a saved page mentions; pages the user has kept nothing from are left alone.
 * A page keeps at most 1,000 actors (the first in key order).
 */
export async function recordPageActors(db: GlossDatabase, url: string, actors: readonly string[]): Promise<boolean> {
  const unique = keepableActorKeys(actors);
  // Most reads change nothing: look first, and only then take a read-write transaction.
  const before = await db.pages.get(url);
  if (!before) return false;
  if (JSON.stringify(before.actors ?? []) === JSON.stringify(unique)) return true;
  return db.transaction('rw', db.pages, async () => {
    const page = await db.pages.get(url);
    if (!page) return false;
    if (JSON.stringify(page.actors ?? []) !== JSON.stringify(unique)) await db.pages.put(keepPage({ ...page, actors: unique }));
    return true;
  });
}

/** What the article says of itself (Readability's reading), kept for the library and export front matter. */
export interface ArticleDetails {
  title: string | null;
  byline: string | null;
  publishedTime: string | null;
}

const cleanText = (value: unknown, max: number): string | null =>
  typeof value === 'string' && value.trim() ? value.replace(/\s+/g, ' ').trim().slice(0, max) : null;

/**
 * Records a saved page's article title, author and date as the article states them; unsaved pages are
 * left alone. The article's own title replaces the tab title kept at the first highlight, which often
 * carries the site's name ("… - Security Newsroom").
 */
export async function recordArticleDetails(db: GlossDatabase, url: string, reported: ArticleDetails): Promise<boolean> {
  const title = cleanText(reported.title, MAX_TITLE);
  const byline = cleanText(reported.byline, MAX_BYLINE);
  const publishedTime = cleanText(reported.publishedTime, MAX_PUBLISHED_TIME);
  const changed = (page: PageRecord) =>
    (title !== null && page.title !== title) || (page.byline ?? null) !== byline || (page.publishedTime ?? null) !== publishedTime;
  const before = await db.pages.get(url);
  if (!before) return false;
  if (!changed(before)) return true;
  return db.transaction('rw', db.pages, async () => {
    const page = await db.pages.get(url);
    if (!page) return false;
    if (changed(page)) await db.pages.put(keepPage({ ...page, title: title ?? page.title, byline, publishedTime }));
    return true;
  });
}
