/**
 * Obsidian's callouts in a note: a quote whose first line is `[!type]`, with a title after it or not
 * (`> [!warning] Check the hashes`). Obsidian draws them as titled boxes coloured by type; markdown-it
 * reads them as quotes, which this turns into callouts in the note's tree. A `+` or `-` after the type
 * (Obsidian's folding) is read and left out.
 */
import type { NoteElement, NoteNode } from './note-node';

/** The callout types Obsidian knows, under each of their names, by the colour family Gloss draws. */
const FAMILIES: Record<string, string> = {
  note: 'info',
  info: 'info',
  todo: 'info',
  abstract: 'summary',
  summary: 'summary',
  tldr: 'summary',
  tip: 'tip',
  hint: 'tip',
  important: 'tip',
  success: 'success',
  check: 'success',
  done: 'success',
  question: 'question',
  help: 'question',
  faq: 'question',
  warning: 'warning',
  caution: 'warning',
  attention: 'warning',
  failure: 'danger',
  fail: 'danger',
  missing: 'danger',
  danger: 'danger',
  error: 'danger',
  bug: 'danger',
  example: 'example',
  quote: 'quote',
  cite: 'quote',
};

// Linear: one anchored pass over the first line.
const MARKER = /^\[!([\p{L}\p{N}_-]{1,40})\][+-]?[ \t]*/u;

/** The callout's family for its type; an unknown type is drawn as a note, as Obsidian does. */
export function calloutFamily(type: string): string {
  return FAMILIES[type.toLowerCase()] ?? 'info';
}

/** Splits nodes at the first line break (in their text, or a hard break): the nodes before it and after it. */
function splitAtLineBreak(nodes: readonly NoteNode[]): [NoteNode[], NoteNode[]] {
  for (const [i, node] of nodes.entries()) {
    if (node.type === 'element' && node.tag === 'br') return [nodes.slice(0, i), nodes.slice(i + 1)];
    if (node.type !== 'text') continue;
    const at = node.text.indexOf('\n');
    if (at === -1) continue;
    const before = node.text.slice(0, at);
    const after = node.text.slice(at + 1);
    return [
      [...nodes.slice(0, i), ...(before ? [{ ...node, text: before }] : [])],
      [...(after ? [{ ...node, text: after }] : []), ...nodes.slice(i + 1)],
    ];
  }
  return [[...nodes], []];
}

/** The quote as a callout, when its first line marks it as one. */
function markCallout(quote: NoteElement): void {
  const first = quote.children[0];
  if (first?.type !== 'element' || first.tag !== 'p') return;
  const opening = first.children[0];
  if (opening?.type !== 'text') return;
  const marker = MARKER.exec(opening.text);
  if (!marker) return;
  const type = marker[1];
  const rest = opening.text.slice(marker[0].length);
  const [title, body] = splitAtLineBreak([...(rest ? [{ type: 'text' as const, text: rest }] : []), ...first.children.slice(1)]);
  const shownTitle: NoteNode[] = title.length
    ? title
    : [{ type: 'text', text: type.charAt(0).toUpperCase() + type.slice(1).toLowerCase() }];
  quote.callout = calloutFamily(type);
  quote.children = [
    { type: 'element', tag: 'callout-title', children: shownTitle },
    ...(body.length ? [{ ...first, children: body }] : []),
    ...quote.children.slice(1),
  ];
}

/** Turns every quote in the tree that opens with `[!type]` into a callout. */
export function markCallouts(parent: NoteElement): void {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    if (child.tag === 'blockquote') markCallout(child);
    markCallouts(child);
  }
}
