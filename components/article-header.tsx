import { formatPublished, formatReadingTime, machineDate } from '@/lib/article/display';
import type { PageAnalysis } from '@/lib/messaging/contract';
import { countOf } from './count-words';

function textDirection(dir: string | null): 'ltr' | 'rtl' | 'auto' {
  return dir === 'ltr' || dir === 'rtl' ? dir : 'auto';
}

/** Title, byline, site, date and reading time. Page text is rendered as text, never as markup. */
export function ArticleHeader({ analysis }: { analysis: PageAnalysis }) {
  const { metadata, readingTime, pdf } = analysis;
  const published = formatPublished(metadata.publishedTime);
  const readTime = formatReadingTime(readingTime);
  const details = [
    metadata.byline && <span class="byline">{metadata.byline}</span>,
    metadata.siteName && <span class="site">{metadata.siteName}</span>,
    published && (
      <time class="published" dateTime={machineDate(metadata.publishedTime) ?? undefined}>
        {published}
      </time>
    ),
    readTime && <span class="reading-time">{readTime}</span>,
    pdf && <span class="pdf-facts">{`PDF, ${countOf(pdf.pageCount, 'page', 'pages')}${pdf.local ? ', a local file' : ''}`}</span>,
  ].filter(Boolean);
  return (
    <header class="article-header">
      <h1 dir={textDirection(metadata.dir)} lang={metadata.lang ?? undefined}>
        {metadata.title}
      </h1>
      {details.length > 0 && <p class="details">{details}</p>}
    </header>
  );
}
