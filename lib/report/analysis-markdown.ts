import { formatReadingTime } from '../article/display';
import { nestOutline, type OutlineNode } from '../outline/nest-outline';
import type { AnalysisEntity, AnalysisReport } from './analysis-report';

// Characters that start Markdown syntax anywhere in a line, in CommonMark, GFM and Obsidian
// (emphasis, links, images, HTML, headings and tags, tables, strikethrough, maths, comments, highlights).
const INLINE_SYNTAX = /[\\`*_{}[\]()<>#|~$%^&!=]/g;

/**
 * Makes page text inert in Markdown: one line, every syntax character backslash-escaped, no bare
 * URL and no list marker at its start. It reads as the same text and never as a link, HTML or markup.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\s+/g, ' ')
      .replace(/\p{Cc}/gu, '')
      .trim()
      .replace(INLINE_SYNTAX, '\\$&')
      // GFM and Obsidian turn bare "https://…" and "www.…" into links; an escape stops both.
      .replace(/:(?=\/)/g, '\\:')
      .replace(/\b(www)\./gi, '$1\\.')
      .replace(/^([-+])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
  );
}

/** The address as an autolink, only for web pages (a `file://` path says nothing to a reader). */
function webLink(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    // A parsed URL's href never holds spaces, `<` or `>`, so it cannot break out of the angle brackets.
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? `<${parsed.href}>` : null;
  } catch {
    return null;
  }
}

function metadataLines(report: AnalysisReport): string[] {
  const fields: [string, string | null][] = [
    ['By', report.byline && escapeMarkdown(report.byline)],
    ['Site', report.siteName && escapeMarkdown(report.siteName)],
    ['Published', report.publishedTime && escapeMarkdown(report.publishedTime)],
    ['Pages', report.pageCount === undefined ? null : report.pageCount.toLocaleString('en-US')],
    ['Reading time', formatReadingTime(report.readingTime)],
    ['Source', webLink(report.url)],
    // Hex digits only: nothing in it for Markdown to read as syntax.
    ['Fingerprint', report.fingerprint && /^[0-9a-f]+$/i.test(report.fingerprint) ? `\`${report.fingerprint}\`` : null],
  ];
  return fields.filter(([, value]) => value).map(([label, value]) => `- **${label}:** ${value}`);
}

function outlineLines(nodes: OutlineNode<AnalysisReport['outline'][number]>[], depth = 0): string[] {
  return nodes.flatMap((node) => [
    `${'  '.repeat(depth)}- ${escapeMarkdown(node.item.text)}${node.item.page === undefined ? '' : ` (page ${node.item.page})`}`,
    ...outlineLines(node.children, depth + 1),
  ]);
}

function entityLine(entity: AnalysisEntity): string {
  const count = entity.mentions.length;
  const resolved = entity.canonical && entity.canonical.toLowerCase() !== entity.name.toLowerCase();
  const also = resolved ? `, also known as ${escapeMarkdown(entity.canonical)}` : '';
  const listed = entity.kind === 'indicator' && entity.warning ? `, on a MISP warninglist: ${escapeMarkdown(entity.warning.short)}` : '';
  return `- **${escapeMarkdown(entity.name)}** (${entity.kind}${also}${listed}): ${count} ${count === 1 ? 'mention' : 'mentions'}`;
}

/** The report as a Markdown document: title, metadata, nested outline and entities. */
export function renderAnalysisMarkdown(report: AnalysisReport): string {
  const lines = [`# ${escapeMarkdown(report.title) || 'Untitled page'}`, ''];
  const metadata = metadataLines(report);
  if (metadata.length > 0) lines.push(...metadata, '');
  if (report.kind === 'not-article') {
    lines.push('This page does not look like an article; the outline lists the headings of the whole page.', '');
  } else if (report.kind === 'too-complex') {
    lines.push('This page is nested too deeply to extract an article from; the outline lists the headings of the whole page.', '');
  }
  lines.push('## Outline', '');
  const outline = outlineLines(nestOutline(report.outline));
  lines.push(...(outline.length > 0 ? outline : ['No headings found.']), '');
  lines.push('## Entities', '');
  lines.push(...(report.entities.length > 0 ? report.entities.map(entityLine) : ['No entities found.']));
  return `${lines.join('\n')}\n`;
}
