/**
 * A saved page as a Markdown note for Obsidian (and any CommonMark reader): front matter, the title,
 * each highlight as a quote with a link back to the passage, its note and tags, the threat actors
 * the page names, and the malware, tools, CVEs, techniques and indicators the researcher confirmed.
 */
import { COLOR_LABELS, type AnnotationRecord, type HighlightColor, type PageRecord } from '../../storage/records';
import type { AnnotationTarget } from '../../anchoring/types';
import { pageOfFragment } from '../../pdf/page-selector';
import type { PageExport } from '../page-export';
import type { AttackIdLookup } from '../stix/entity-objects';
import { actorsSection } from './actors-markdown';
import { confirmedSections } from './confirmed-markdown';
import { uniqueBlockIds } from './block-id';
import { markdownBlockquote, markdownInline, markdownLinkDestination } from './escape';
import { markdownNote } from './note-markdown';
import { obsidianTags } from './obsidian-tag';
import { fragmentAddress, textDirective } from './text-fragment';
import { collapseWhitespace } from './whitespace';
import { frontMatter, type FrontMatterValue } from './yaml';

export { markdownFileName } from './file-name';

const UNTITLED = 'Untitled page';
export const NO_HIGHLIGHTS = 'No highlights on this page yet.';

/** Highlights in document order: by start offset, then creation time, then id, so ties never depend on input order. */
export function inDocumentOrder(annotations: readonly AnnotationRecord[]): AnnotationRecord[] {
  return [...annotations].sort(
    (a, b) => a.target.position.start - b.target.position.start || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
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
  return collapseWhitespace(text ?? '');
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

/** Where a highlight's link leads, and what the link says. */
type PassageDestination = (target: AnnotationTarget) => { label: string; destination: string };

/**
 * Link destinations to a page's passages, made safe for Markdown. Made safe character by character,
 * the page's own address can be done once for all its highlights rather than in every link. Null for
 * anything but a web page: any other scheme in a stored address (javascript:, data:) must not become
 * something to click. A highlight on a PDF links to its page (`#page=N`, which PDF viewers open at
 * that page): text fragments do not reach into PDFs.
 */
function passageDestinations(pageUrl: string): PassageDestination | null {
  if (!isWebAddress(pageUrl)) return null;
  const address = fragmentAddress(pageUrl);
  const withoutDirective = markdownLinkDestination(address.withoutDirective);
  const beforeDirective = markdownLinkDestination(address.beforeDirective);
  const [withoutFragment] = address.withoutDirective.split('#');
  return (target) => {
    const pdfPage = target.page ? pageOfFragment(target.page.value) : null;
    if (pdfPage !== null) {
      return { label: `↗ Open page ${pdfPage}`, destination: markdownLinkDestination(`${withoutFragment}#page=${pdfPage}`) };
    }
    const directive = textDirective(target.quote);
    return {
      label: '↗ Open passage',
      destination: directive ? `${beforeDirective}${markdownLinkDestination(directive)}` : withoutDirective,
    };
  };
}

/** "[↗ Open passage](…) · Yellow highlight" ("↗ Open page 3" on a PDF). */
function passageLine(annotation: AnnotationRecord, destinations: PassageDestination | null): string {
  const passage = destinations?.(annotation.target);
  const link = passage ? `[${passage.label}](${passage.destination})` : '';
  const color = colorLabel(annotation.color);
  if (!color) return link;
  return link ? `${link} · ${color} highlight` : `${color} highlight`;
}

/**
 * One highlight's blocks, added to the note's (which are joined by blank lines): the quote, its block id
 * on a line of its own (Obsidian's way to name a quote block, so `[[note#^id]]` embeds the quote), the
 * link back, the note (the reader's Markdown, kept as written) and the tags. Added, not returned as a
 * string: the page joins all of them once, rather than each highlight's text being copied into a
 * string of its own first.
 */
function addHighlight(blocks: string[], annotation: AnnotationRecord, id: string, destination: PassageDestination | null): void {
  blocks.push(markdownBlockquote(annotation.target.quote.exact), `^${id}`);
  const passage = passageLine(annotation, destination);
  if (passage) blocks.push(passage);
  const note = markdownNote(annotation.note ?? '');
  if (note) blocks.push(note);
  const tags = obsidianTags(annotation.tags ?? []);
  if (tags.length > 0) blocks.push(`#${tags.join(' #')}`);
}

/**
 * The page as a Markdown note; `exportedAt` goes in the front matter, `attackIdOf` gives confirmed
 * software and techniques their ATT&CK links. Ends with a newline.
 */
export function pageMarkdown(page: PageExport, exportedAt: Date, attackIdOf?: AttackIdLookup): string {
  const annotations = inDocumentOrder(page.annotations);
  const ids = uniqueBlockIds(annotations.map((annotation) => annotation.id));
  const tags = obsidianTags(annotations.flatMap((annotation) => annotation.tags ?? []));
  const blocks = [pageFrontMatter(page.page, tags, exportedAt), `# ${markdownInline(page.page.title ?? '') || UNTITLED}`, '## Highlights'];
  const destination = passageDestinations(page.page.url);
  annotations.forEach((annotation, i) => addHighlight(blocks, annotation, ids[i], destination));
  if (annotations.length === 0) blocks.push(NO_HIGHLIGHTS);
  const actors = actorsSection(page.actors);
  if (actors) blocks.push(actors);
  blocks.push(...confirmedSections(page.entityTags, attackIdOf));
  return `${blocks.join('\n\n')}\n`;
}
