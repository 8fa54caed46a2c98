/**
 * Page changes a highlight must survive, done as DOM edits on a live document. Each returns the text
 * edits it made, in offsets of the unmodified text index, so the expected place of every highlight in
 * the changed page can be computed rather than guessed.
 */
import type { TextIndex } from '../../lib/anchoring/text-index';
import { hashString, type PlannedHighlight, type ProseParagraph, proseParagraphs } from './choose-highlights';

export interface TextEdit {
  /** Offset in the unmodified text. */
  at: number;
  removed: number;
  inserted: string;
}

/** Changes `index.root`'s document in place; `index` describes it before the change. */
export type Modification = (index: TextIndex, highlights: PlannedHighlight[]) => TextEdit[];

/** Where an offset of the unmodified text is after the edits (none may straddle it). */
export function mapOffset(edits: TextEdit[], offset: number, side: 'start' | 'end'): number {
  let shifted = offset;
  for (const edit of edits) {
    // An insertion exactly at a range's end lies outside the range; at its start, before it.
    if (edit.at + edit.removed <= offset && (side === 'start' || edit.at < offset)) shifted += edit.inserted.length - edit.removed;
  }
  return shifted;
}

/** The unmodified text with the edits applied: what the changed page's text index must hold. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  let out = '';
  let cursor = 0;
  for (const edit of [...edits].sort((a, b) => a.at - b.at)) {
    out += text.slice(cursor, edit.at) + edit.inserted;
    cursor = edit.at + edit.removed;
  }
  return out + text.slice(cursor);
}

/** Rewrites text nodes through `rewrite`, which reports its edits relative to the node. */
function rewriteTextNodes(index: TextIndex, rewrite: (data: string, edits: TextEdit[]) => string): TextEdit[] {
  const all: TextEdit[] = [];
  for (const node of index.textNodes) {
    const base = index.offsetBefore(node);
    const local: TextEdit[] = [];
    const data = rewrite(node.data, local);
    if (local.length === 0) continue;
    node.data = data;
    for (const edit of local) all.push({ ...edit, at: edit.at + base });
  }
  return all;
}

/**
 * Reflowed source: every third single space becomes a line break plus indentation, and every longer
 * whitespace run collapses to one space. A reader sees the same page.
 */
export const reflowWhitespace: Modification = (index) =>
  rewriteTextNodes(index, (data, edits) => {
    let singles = 0;
    return data.replace(/\s+/g, (run, at: number) => {
      if (run === ' ') {
        if (++singles % 3 !== 0) return run;
        edits.push({ at, removed: 1, inserted: '\n   ' });
        return '\n   ';
      }
      if (run.length === 1) return run;
      edits.push({ at, removed: run.length, inserted: ' ' });
      return ' ';
    });
  });

const AD_PARAGRAPHS = [
  'Sponsored. Upgrade your kitchen this spring: our stainless steel cookware sets are now forty percent off.',
  'Free delivery on orders over fifty dollars, easy returns within thirty days, and a lifetime warranty.',
  'Sign up for our newsletter and be the first to hear about seasonal offers and exclusive discount codes.',
];

/** An advertising block at the very start of the body, as ad scripts and consent banners insert. */
export const insertAdBlock: Modification = (index) => {
  const root = index.root as Element;
  const document = root.ownerDocument;
  const ad = document.createElement('div');
  ad.className = 'promo-banner';
  for (const text of AD_PARAGRAPHS) ad.appendChild(document.createElement('p')).textContent = text;
  root.insertBefore(ad, root.firstChild);
  return [{ at: 0, removed: 0, inserted: AD_PARAGRAPHS.join('') }];
};

const REPLACEMENTS = ['harbor', 'violet', 'quartz', 'meadow', 'copper', 'lantern', 'pepper', 'saddle', 'falcon', 'ember'];

/** One word near the middle of each highlight (never its first or last word) replaced by another. */
export const changeOneWord: Modification = (index, highlights) => {
  const edits: TextEdit[] = [];
  for (const { start, end } of highlights) {
    const passage = index.text.slice(start, end);
    // Words strictly between the first and the last whitespace: never the passage's first or last word.
    if (passage.search(/\s/) < 0) continue;
    const firstBreak = start + passage.search(/\s/);
    const lastBreak = start + passage.search(/\s\S*$/);
    const words = [...passage.matchAll(/\p{L}{2,}/gu)]
      .map((m) => ({ at: start + m.index!, word: m[0] }))
      .filter(({ at, word }) => at > firstBreak && at + word.length <= lastBreak)
      .filter(({ at, word }) => index.nodeAt(at) === index.nodeAt(at + word.length - 1));
    if (words.length === 0) continue;
    const middle = (start + end) / 2;
    const { at, word } = words.reduce((a, b) => (Math.abs(b.at - middle) < Math.abs(a.at - middle) ? b : a));
    const replacement = REPLACEMENTS.filter((r) => r !== word.toLowerCase())[hashString(word) % (REPLACEMENTS.length - 1)];
    edits.push({ at, removed: word.length, inserted: replacement });
  }
  // Last first, so earlier edits in the same text node keep their offsets.
  for (const edit of [...edits].sort((a, b) => b.at - a.at)) {
    const node = index.nodeAt(edit.at)!;
    const local = edit.at - index.offsetBefore(node);
    node.data = node.data.slice(0, local) + edit.inserted + node.data.slice(local + edit.removed);
  }
  return edits;
};

/** Any `<p>` with words in it (not only the prose that gets highlighted), and the prose blocks. */
function paragraphs(index: TextIndex): ProseParagraph[] {
  const found = new Map<Element, ProseParagraph>();
  for (const element of (index.root as Element).querySelectorAll('p')) {
    const start = index.offsetBefore(element);
    const end = index.offsetAfter(element);
    if (/\S/.test(index.text.slice(start, end))) found.set(element, { element, start, end });
  }
  for (const block of proseParagraphs(index)) if (!found.has(block.element)) found.set(block.element, block);
  return [...found.values()].sort((a, b) => a.start - b.start);
}

/** For each highlight, the nearest paragraph above it that holds no highlight is deleted. */
export const deleteParagraphAbove: Modification = (index, highlights) => {
  const free = paragraphs(index).filter((p) => !highlights.some((h) => h.start < p.end && p.start < h.end));
  const doomed = new Set<(typeof free)[number]>();
  for (const highlight of highlights) {
    const above = free.filter((p) => p.end <= highlight.start);
    if (above.length > 0) doomed.add(above[above.length - 1]);
  }
  // The whole element goes, with the whitespace around its words that the prose range leaves out.
  const edits = [...doomed].map(({ element }) => {
    const at = index.offsetBefore(element);
    return { at, removed: index.offsetAfter(element) - at, inserted: '' };
  });
  for (const paragraph of doomed) paragraph.element.remove();
  return edits;
};

export const MODIFICATIONS: Record<string, Modification> = {
  'whitespace reflowed': reflowWhitespace,
  'ad block inserted': insertAdBlock,
  'one word changed': changeOneWord,
  'paragraph above deleted': deleteParagraphAbove,
};
