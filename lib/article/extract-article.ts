import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { collectHeadings } from '../outline/headings';
import { alignWithLivePage, liveHeadings, type OutlineItem } from '../outline/live-outline';
import { articleText } from './article-text';
import { isNestedDeeperThan, MAX_READABLE_DEPTH } from './document-depth';
import { completeMetadata, type ArticleMetadata } from './metadata';
import { estimateReadingTime, type ReadingTime } from './reading-time';

/** Below this many characters of text, an extraction only counts if Readability's own heuristic agrees. */
export const MIN_ARTICLE_CHARACTERS = 500;

/** What Gloss knows about one page: everything the popup and the command line show. */
export interface ArticleExtraction {
  /**
   * "article" when Readability found one. Otherwise the outline is the page's own headings:
   * "not-article" when Readability found nothing, "too-complex" when the page is nested too deeply
   * to run Readability on in reasonable time.
   */
  kind: 'article' | 'not-article' | 'too-complex';
  metadata: ArticleMetadata;
  readingTime: ReadingTime;
  outline: OutlineItem[];
  /**
   * The article's plain text (empty for a non-article; `article-text.ts`); entity offsets will point into it.
   */
  textContent: string;
}

type ParsedArticle = NonNullable<ReturnType<Readability<Element>['parse']>>;

function looksLikeArticle(doc: Document, parsed: ParsedArticle | null): parsed is ParsedArticle {
  if (!parsed?.content) return false;
  const length = parsed.textContent?.trim().length ?? 0;
  if (length === 0) return false;
  return length >= MIN_ARTICLE_CHARACTERS || isProbablyReaderable(doc);
}

function pageHeadingsOnly(kind: 'not-article' | 'too-complex', metadata: ArticleMetadata, live: OutlineItem[]): ArticleExtraction {
  return { kind, metadata, readingTime: { words: 0, minutes: 0 }, outline: live, textContent: '' };
}

/**
 * Reads the article out of `doc` without touching it: Readability works on a clone. The outline comes
 * from the extracted article's headings, mapped back onto the live page's headings.
 */
export function extractArticle(doc: Document, url: string | null = doc.URL || null): ArticleExtraction {
  const live = liveHeadings(doc);
  if (doc.documentElement && isNestedDeeperThan(doc.documentElement, MAX_READABLE_DEPTH)) {
    return pageHeadingsOnly('too-complex', completeMetadata(null, doc, url), live);
  }
  const clone = doc.cloneNode(true) as Document;
  // Keep the element instead of serialising it: the outline is read straight from it.
  const parsed = new Readability<Element>(clone, { serializer: (node) => node as Element }).parse();

  if (!looksLikeArticle(doc, parsed)) return pageHeadingsOnly('not-article', completeMetadata(parsed, doc, url), live);
  // Its text nodes in order, as `textContent`, but with blocks that touch in the source kept apart.
  const textContent = articleText(parsed.content as Element);
  return {
    kind: 'article',
    metadata: completeMetadata(parsed, doc, url),
    readingTime: estimateReadingTime(textContent),
    outline: alignWithLivePage(collectHeadings(parsed.content as Element), live),
    textContent,
  };
}
