/**
 * The structural hint of a highlight: the path to the element holding its start, as `tag:nth-of-type`
 * steps from the index root (e.g. "main:1/article:1/p:4"), and offsets into that element's text.
 */
import type { TextIndex } from './text-index';
import type { ElementPathSelector } from './types';

/**
 * Inline elements are not worth a path step: links, emphasis and highlighter marks come and go inside a
 * paragraph (and the paragraph is what a reader thinks of as "where it was"), so the path stops at the
 * nearest ancestor that is not one of these.
 */
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);

/** The longest element path a highlight keeps; a deeper element gets no element hint (the quote still finds it). */
export const MAX_ELEMENT_PATH = 2_000;

/**
 * One step of an element path, `<tag>:<n>` with n ≥ 1, split at the last colon: tag names may hold
 * colons themselves (Word's HTML has `<st1:place>`, so a path can read "p:1/st1:place:1"). Null when the
 * step is malformed. No regular expression: the step is split, and its number read digit by digit.
 */
export function parseElementPathStep(step: string): { tag: string; nth: number } | null {
  const colon = step.lastIndexOf(':');
  if (colon <= 0) return null;
  const digits = step.slice(colon + 1);
  // At most 15 digits keeps the number exact; no page has that many siblings anyway.
  if (digits.length === 0 || digits.length > 15 || digits[0] === '0') return null;
  for (const digit of digits) if (digit < '0' || digit > '9') return null;
  return { tag: step.slice(0, colon), nth: Number(digits) };
}

/** Whether `path` is an element path: empty (the root itself) or `/`-separated steps. */
export function isElementPath(path: string): boolean {
  return path === '' || path.split('/').every((step) => parseElementPathStep(step) !== null);
}

/** The element a path step leads to: the nth child element with this tag name. */
function nthOfType(parent: Element | Node, tag: string, nth: number): Element | null {
  let seen = 0;
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && (child as Element).localName === tag && ++seen === nth) return child as Element;
  }
  return null;
}

/** The path from `root` to `element` (empty for the root itself), or null if it is not inside root. */
export function elementPath(root: Node, element: Element): string | null {
  const steps: string[] = [];
  let current: Node = element;
  while (current !== root) {
    if (current.nodeType !== 1 || !current.parentNode) return null;
    const tag = (current as Element).localName;
    let nth = 1;
    for (let sibling = (current as Element).previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (sibling.localName === tag) nth++;
    }
    steps.push(`${tag}:${nth}`);
    current = current.parentNode;
  }
  return steps.reverse().join('/');
}

/** The element a path leads to from `root`, or null when the page no longer has it. */
export function resolveElementPath(root: Node, path: string): Element | Node | null {
  if (path === '') return root;
  let current: Element | Node = root;
  for (const step of path.split('/')) {
    const parsed = parseElementPathStep(step);
    if (!parsed) return null;
    const next = nthOfType(current, parsed.tag, parsed.nth);
    if (!next) return null;
    current = next;
  }
  return current;
}

/** The nearest block-level ancestor of the node holding text offset `offset`, within the index root. */
export function containingElement(index: TextIndex, offset: number): Element | Node | null {
  const node = index.nodeAt(offset);
  if (!node) return null;
  let element = node.parentElement;
  while (element && element !== index.root && INLINE_TAGS.has(element.localName)) element = element.parentElement;
  return element ?? index.root;
}

/** The element path selector for the text range [start, end), or undefined when it has no element. */
export function describeElementPath(index: TextIndex, start: number, end: number): ElementPathSelector | undefined {
  const element = containingElement(index, start);
  if (!element) return undefined;
  const path = element === index.root ? '' : elementPath(index.root, element as Element);
  // Only a hint: a path that could not be written (too long, or a step no `tag:n` reading gives back) is left out.
  if (path === null || path.length > MAX_ELEMENT_PATH || !isElementPath(path)) return undefined;
  const base = index.offsetBefore(element);
  return { type: 'gloss:ElementPathSelector', path, start: start - base, end: end - base };
}

/** Where the selector says its range starts now, as a text offset, or null if its element is gone. */
export function elementPathStart(index: TextIndex, selector: ElementPathSelector): number | null {
  const element = resolveElementPath(index.root, selector.path);
  return element ? index.offsetBefore(element) + selector.start : null;
}
