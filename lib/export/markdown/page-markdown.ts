/**
 * A saved page as a Markdown note for Obsidian (and any CommonMark reader): front matter, the title,
 * each highlight as a quote with a link back to the passage, its note and tags, and the threat actors
 * the page names.
 */
import { COLOR_LABELS, type AnnotationRecord, type HighlightColor, type PageRecord } from '../../storage/records';
import type { PageExport } from '../page-export';
import { actorsSection } from './actors-markdown';
import { uniqueBlockIds } from './block-id';
import { markdownBlockquote, markdownInline, markdownLinkDestination, markdownParagraphs } from './escape';
import { obsidianTags } from './obsidian-tag';
import { textFragmentUrl } from './text-fragment';
import { frontMatter, type FrontMatterValue } from './yaml';

export { markdownFileName } from './file-name';

const UNTITLED = 'Untitled page';
export const NO_HIGHLIGHTS = 'No highlights on this page yet.';

/** Highlights in document order: by start offset, then creation time, then id, so ties never depend on input order. */
export function inDocumentOrder(annotations: readonly AnnotationRecord[]): AnnotationRecord[] {
  return [...annotations].sort((a, b) =>
    a.target.position.start - b.target.position.start
    || a.createdAt - b.createdAt
    || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function isWebAddress(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function oneLine(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The front matter. A key is written only when it has a value (no empty author, no empty tag list):
 * Obsidian then shows only what is known, and queries treat a missing key as they would an empty one.
 * The title is always there, "Untitled page" at worst, as in the heading. Text values are put on one
 * line; the address is kept exactly.
 */
function pageFrontMatter(page: PageRecord, tags: string[], exportedAt: Date): string {
  const entries: [string, FrontMatterValue][] = [
    ['title', oneLine(page.title) || UNTITLED],
    ['source', page.url.trim()],
    ['author', oneLine(page.byline)],
    ['site', oneLine(page.siteName)],
    ['published', oneLine(page.publishedTime)],
    ['exported', exportedAt.toISOString()],
    ['tags', tags],
  ];
  return frontMatter(entries.filter(([, value]) => value.length > 0));
}

function colorLabel(color: string): string | null {
  return Object.hasOwn(COLOR_LABELS, color) ? COLOR_LABELS[color as HighlightColor] : null;
}

/**
 * "[↗ Open passage](…) · Yellow highlight". The link is made only for web pages: any other scheme in a
 * stored address (javascript:, data:) must not become something to click.
 */
function passageLine(annotation: AnnotationRecord, pageUrl: string): string | null {
  const link = isWebAddress(pageUrl)
    ? `[↗ Open passage](${markdownLinkDestination(textFragmentUrl(pageUrl, annotation.target.quote))})`
    : null;
  const color = colorLabel(annotation.color);
  const parts = [link, color && `${color} highlight`].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/**
 * One highlight: the quote, its block id on a line of its own (Obsidian's way to name a quote block, so
 * `[[note#^id]]` embeds the quote), the link back, the note and the tags.
 */
function highlightMarkdown(annotation: AnnotationRecord, id: string, pageUrl: string): string {
  const tags = obsidianTags(annotation.tags ?? []).map((tag) => `#${tag}`).join(' ');
  return [
    markdownBlockquote(annotation.target.quote.exact),
    `^${id}`,
    passageLine(annotation, pageUrl),
    markdownParagraphs(annotation.note ?? ''),
    tags,
  ].filter(Boolean).join('\n\n');
}

/** The page as a Markdown note; `exportedAt` goes in the front matter. Ends with a newline. */
export function pageMarkdown(page: PageExport, exportedAt: Date): string {
  const annotations = inDocumentOrder(page.annotations);
  const ids = uniqueBlockIds(annotations.map((annotation) => annotation.id));
  const tags = obsidianTags(annotations.flatMap((annotation) => annotation.tags ?? []));
  const highlights = annotations.map((annotation, i) => highlightMarkdown(annotation, ids[i], page.page.url));
  const sections = [
    pageFrontMatter(page.page, tags, exportedAt),
    `# ${markdownInline(page.page.title ?? '') || UNTITLED}`,
    '## Highlights',
    ...(highlights.length > 0 ? highlights : [NO_HIGHLIGHTS]),
    actorsSection(page.actors),
  ];
  return `${sections.filter(Boolean).join('\n\n')}\n`;
}
