/**
 * A reader's note as a small tree of the Markdown it uses (CommonMark with tables, strikethrough, bare
 * links, task items, and Obsidian's `==highlights==`, wikilinks, inline `#tags` and callouts), for the extension's views
 * to draw as elements. The same Markdown goes into exports as written
 * (lib/export/markdown/note-markdown.ts); this only shows it.
 *
 * markdown-it reads it: in linear time on the shapes that make other readers quadratic (runs of mixed
 * emphasis marks, thousands of nested quotes), and with nesting capped. Raw HTML is not parsed but kept as
 * text, and only web and mail links become links (lib/url/web-link.ts).
 */
import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';
import markPlugin from 'markdown-it-mark';
import { webLinkUrl } from '@/lib/url/web-link';
import { markCallouts } from './callouts';
import type { NoteElement, NoteNode, NoteTag } from './note-node';
import { INLINE_TAG_TOKEN, WIKILINK_TOKEN, obsidianInlineRules } from './obsidian-inline-rules';
import type { Wikilink } from './wikilinks';

export type { NoteElement, NoteNode, NoteTag, NoteText } from './note-node';

/**
 * How deep markdown-it nests (its default). Past it, it drops the rest of the deepest block, so a note
 * that reaches it is shown as typed instead (`parseNote` gives null); no real note comes near it.
 */
const MAX_NESTING = 100;

let reader: MarkdownIt | null = null;

function markdownReader(): MarkdownIt {
  // `==highlighted==` words, as Obsidian writes them.
  reader ??= markdownIt('default', { html: false, linkify: true, typographer: false, maxNesting: MAX_NESTING })
    .use(markPlugin)
    .use(obsidianInlineRules);
  return reader;
}

/** markdown-it's opening tokens (`paragraph_open`…) by name, and the element each opens. */
const OPENING_TAGS: Record<string, NoteTag> = {
  paragraph: 'p',
  heading: 'heading',
  blockquote: 'blockquote',
  bullet_list: 'ul',
  ordered_list: 'ol',
  list_item: 'li',
  table: 'table',
  thead: 'thead',
  tbody: 'tbody',
  tr: 'tr',
  th: 'th',
  td: 'td',
  strong: 'strong',
  em: 'em',
  s: 's',
  mark: 'mark',
  link: 'a',
};

const TASK_MARK = /^\[([ xX])\] /;

function element(tag: NoteTag): NoteElement {
  return { type: 'element', tag, children: [] };
}

function textOf(tokens: readonly Token[]): string {
  return tokens.map((token) => (token.children ? textOf(token.children) : token.content)).join('');
}

function attr(token: Token, name: string): string {
  return String(token.attrGet(name) ?? '');
}

function alignOf(token: Token): NoteElement['align'] {
  const style = attr(token, 'style');
  if (style.endsWith('left')) return 'left';
  if (style.endsWith('center')) return 'center';
  if (style.endsWith('right')) return 'right';
  return undefined;
}

/** The element an opening token starts; a link to an address that may not open is null (its text stays). */
function opened(token: Token, name: string): NoteElement | null {
  const node = element(OPENING_TAGS[name]);
  if (name === 'link') {
    const href = webLinkUrl(attr(token, 'href'));
    if (!href) return null;
    node.href = href;
  }
  if (name === 'ordered_list') {
    const start = Number(attr(token, 'start') || 1);
    if (start !== 1) node.start = start;
  }
  if (name === 'th' || name === 'td') node.align = alignOf(token);
  return node;
}

/** "- [x] done" is a task: the mark leaves the item's first text and sets its state. */
function markTask(item: NoteElement): void {
  const first = item.children[0];
  const holder = first?.type === 'element' && first.tag === 'p' ? first : item;
  const text = holder.children[0];
  if (text?.type !== 'text') return;
  const mark = TASK_MARK.exec(text.text);
  if (!mark) return;
  item.checked = mark[1] !== ' ';
  text.text = text.text.slice(mark[0].length);
  // "- [ ] #todo": the tag is the next node, and no empty text stays before it.
  if (!text.text) holder.children.shift();
}

/** Adds text to a parent, joined to the text before it. */
function appendText(parent: NoteElement, text: string): void {
  if (!text) return;
  const last = parent.children[parent.children.length - 1];
  if (last?.type === 'text') last.text += text;
  else parent.children.push({ type: 'text', text });
}

/**
 * What a token that opens and closes nothing stands for: text (joined to the text before it), an element, or
 * nothing. In a link's words (`inLink`) a wikilink or a tag is the text typed.
 */
function leafOf(token: Token, inLink: boolean): string | NoteNode | null {
  switch (token.type) {
    case WIKILINK_TOKEN:
    case INLINE_TAG_TOKEN:
      return inLink ? token.content : obsidianElement(token);
    case 'text':
    case 'html_inline':
    case 'html_block':
      return token.content;
    case 'softbreak':
      return '\n';
    case 'hardbreak':
      return element('br');
    case 'hr':
      return element('hr');
    case 'code_inline':
      return { ...element('code'), children: [{ type: 'text', text: token.content }] };
    case 'fence':
    case 'code_block':
      return { ...element('pre'), children: [{ type: 'text', text: token.content.replace(/\n$/, '') }] };
    case 'image': {
      const src = attr(token, 'src');
      const alt = textOf(token.children ?? []) || src;
      const href = webLinkUrl(src);
      return href ? { ...element('a'), href, image: true, children: [{ type: 'text', text: alt }] } : alt;
    }
    default:
      return null;
  }
}

/** A wikilink's or an inline tag's element, shown by its label or as typed. */
function obsidianElement(token: Token): NoteElement {
  if (token.type === WIKILINK_TOKEN) {
    const link = token.meta as Pick<Wikilink, 'target' | 'label'>;
    return { ...element('wikilink'), target: link.target, children: [{ type: 'text', text: link.label }] };
  }
  const { tag } = token.meta as { tag: string };
  return { ...element('inline-tag'), target: tag, children: [{ type: 'text', text: token.content }] };
}

/**
 * Builds the tree from markdown-it's flat token stream with a stack, not by recursion. A token that
 * closes what was not opened as an element (a paragraph hidden in a tight list, a refused link) closes nothing.
 */
function build(tokens: readonly Token[], root: NoteElement): boolean {
  // One entry per token opened; null where it opened no element.
  const stack: (NoteElement | null)[] = [];
  const parents: NoteElement[] = [root];
  const top = () => parents[parents.length - 1];
  let complete = true;
  const walk = (list: readonly Token[]): void => {
    for (const [i, token] of list.entries()) {
      const name = token.type.replace(/_(?:open|close)$/, '');
      // A block opened at the deepest level and closed at once: markdown-it stopped there and dropped its text.
      if (token.nesting === 1 && token.level >= MAX_NESTING - 1 && list[i + 1]?.nesting === -1) complete = false;
      if (token.nesting === 1 && Object.hasOwn(OPENING_TAGS, name)) {
        const node = token.hidden ? null : opened(token, name);
        if (node) {
          top().children.push(node);
          parents.push(node);
        }
        stack.push(node);
      } else if (token.nesting === -1 && Object.hasOwn(OPENING_TAGS, name)) {
        const node = stack.pop();
        if (!node) continue;
        parents.pop();
        if (node.tag === 'li') markTask(node);
      } else if (token.type === 'inline') {
        walk(token.children ?? []);
      } else {
        const inLink = parents.some((parent) => parent.tag === 'a');
        const leaf = leafOf(token, inLink);
        if (typeof leaf === 'string') appendText(top(), leaf);
        else if (leaf) top().children.push(leaf);
      }
    }
  };
  walk(tokens);
  return complete;
}

/**
 * The note's Markdown as a tree under a root element (whose tag is not drawn), or null for a note nested
 * deeper than the reader goes, which is best shown as typed.
 */
export function parseNote(text: string): NoteElement | null {
  const root = element('p');
  if (!build(markdownReader().parse(text, {}), root)) return null;
  markCallouts(root);
  return root;
}
