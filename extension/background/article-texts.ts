/**
 * The article text of recently read tabs, kept so that re-scanning after a tag change does not read the
 * page again. Only in memory, only a few tabs: the text is the page's, not the user's.
 */
const MAX_TABS = 8;

interface ArticleText {
  /** The normalised address, or null for pages Gloss keeps nothing for (e.g. local files). */
  pageUrl: string | null;
  text: string;
}

const texts = new Map<number, ArticleText>();

export function rememberArticleText(tabId: number, pageUrl: string | null, text: string): void {
  texts.delete(tabId);
  texts.set(tabId, { pageUrl, text });
  if (texts.size > MAX_TABS) texts.delete(texts.keys().next().value!);
}

export function articleTextFor(tabId: number): ArticleText | undefined {
  return texts.get(tabId);
}
