import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { collectHeadings } from '../outline/headings';
import { alignWithLivePage, liveHeadings, type OutlineItem } from '../outline/live-outline';
import { completeMetadata, type ArticleMetadata } from './metadata';
import { estimateReadingTime, type ReadingTime } from './reading-time';

/** Below this many characters of text, an extraction only counts if Readability's own heuristic agrees. */
export const MIN_ARTICLE_CHARACTERS = 500;

/** What Gloss knows about one page: everything the popup and the command line show. */
export interface ArticleExtraction {
  /** "article" when Readability found one; "not-article" means the outline is the page's own headings. */
  kind: 'article' | 'not-article';
  metadata: ArticleMetadata;
  readingTime: ReadingTime;
  outline: OutlineItem[];
  /** The article's plain text (empty for a non-article); entity offsets will point into it. */
  textContent: string;
}

type ParsedArticle = NonNullable<ReturnType<Readability<Element>['parse']>>;

function looksLikeArticle(doc: Document, parsed: ParsedArticle | null): parsed is ParsedArticle {
  if (!parsed?.content) return false;
  const length = parsed.textContent?.trim().length ?? 0;
  if (length === 0) return false;
  return length >= MIN_ARTICLE_CHARACTERS || isProbablyReaderable(doc);
}

/**
 * Reads the article out of `doc` without touching it: Readability works on a clone. The outline comes
 * from the extracted article's headings, mapped back onto the live page's headings.
 */
export function extractArticle(doc: Document, url: string | null = doc.URL || null): ArticleExtraction {
  const live = liveHeadings(doc);
  const clone = doc.cloneNode(true) as Document;
  // Keep the element instead of serialising it: the outline is read straight from it.
  const parsed = new Readability<Element>(clone, { serializer: (node) => node as Element }).parse();

  if (!looksLikeArticle(doc, parsed)) {
    return {
      kind: 'not-article',
      metadata: completeMetadata(parsed, doc, url),
      readingTime: { words: 0, minutes: 0 },
      outline: live,
      textContent: '',
    };
  }
  const textContent = parsed.textContent ?? '';
  return {
    kind: 'article',
    metadata: completeMetadata(parsed, doc, url),
    readingTime: estimateReadingTime(textContent),
    outline: alignWithLivePage(collectHeadings(parsed.content as Element), live),
    textContent,
  };
}
