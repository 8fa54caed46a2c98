/**
 * The page's text as one string, and the way between offsets in it and DOM positions. Reads the DOM;
 * works in browsers and jsdom (it uses no globals, only the nodes it is given).
 */

/** Elements whose text is not page text: code, styles, fallbacks and inert templates. */
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template']);
/** Gloss's own UI host carries this attribute; highlights must never count its text. */
export const GLOSS_UI_ATTRIBUTE = 'data-gloss-ui';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
// compareDocumentPosition bits, seen from a text node looking at another node.
const FOLLOWING = 4;
const CONTAINS = 8;

export function isSkippedElement(element: Element): boolean {
  return SKIPPED_TAGS.has(element.localName) || element.hasAttribute(GLOSS_UI_ATTRIBUTE);
}

/** A DOM position as (text node, offset into it). */
export interface TextPoint {
  node: Text;
  offset: number;
}

export class TextIndex {
  readonly text: string;
  /** The non-empty indexed text nodes, in document order. */
  private readonly nodes: Text[] = [];
  /** starts[i] is the text offset of nodes[i]; nodes are contiguous, so node i ends at starts[i + 1]. */
  private readonly starts: Int32Array;
  private readonly positionOf = new Map<Text, number>();

  constructor(readonly root: Node) {
    const parts: string[] = [];
    const starts: number[] = [];
    let offset = 0;
    // Iterative walk: recursion overflows on pathologically deep pages, and a TreeWalker with a filter
    // callback is slower in jsdom.
    let node: Node | null = root.firstChild;
    while (node && node !== root) {
      let descend = false;
      if (node.nodeType === TEXT_NODE) {
        const data = (node as Text).data;
        if (data.length > 0) {
          this.positionOf.set(node as Text, this.nodes.length);
          this.nodes.push(node as Text);
          starts.push(offset);
          parts.push(data);
          offset += data.length;
        }
      } else if (node.nodeType === ELEMENT_NODE) {
        descend = !isSkippedElement(node as Element);
      }
      if (descend && node.firstChild) {
        node = node.firstChild;
        continue;
      }
      while (node && node !== root && !node.nextSibling) node = node.parentNode;
      node = node && node !== root ? node.nextSibling : null;
    }
    this.text = parts.join('');
    this.starts = Int32Array.from(starts);
  }

  /** The indexed, non-empty text nodes in document order. */
  get textNodes(): readonly Text[] {
    return this.nodes;
  }

  /** The text offset of a DOM boundary point (as in a Range's start or end). */
  offsetOf(container: Node, offset: number): number {
    const i = container.nodeType === TEXT_NODE ? this.positionOf.get(container as Text) : undefined;
    if (i !== undefined) return this.starts[i] + Math.max(0, Math.min(offset, this.nodes[i].data.length));
    if (container.nodeType === TEXT_NODE || container.childNodes.length === 0) {
      // Inside text that is not indexed (a skipped element, an empty node) or an empty element: the
      // point sits where that node sits, and the node contributes nothing, so before and after agree.
      return this.offsetBefore(container);
    }
    const children = container.childNodes;
    return offset < children.length ? this.offsetBefore(children[Math.max(0, offset)]) : this.offsetAfter(container);
  }

  /** The text offset where `node` begins: the start of the first indexed text at or after it. */
  offsetBefore(node: Node): number {
    const i = this.positionOf.get(node as Text);
    if (i !== undefined) return this.starts[i];
    // First indexed text that does not come before the node (the node contains or follows it).
    return this.offsetAtIndex(this.firstIndex((text) => (text.compareDocumentPosition(node) & FOLLOWING) === 0));
  }

  /** The text offset just after `node` and everything inside it. */
  offsetAfter(node: Node): number {
    const i = this.positionOf.get(node as Text);
    if (i !== undefined) return this.starts[i] + this.nodes[i].data.length;
    return this.offsetAtIndex(this.firstIndex((text) => (text.compareDocumentPosition(node) & (FOLLOWING | CONTAINS)) === 0));
  }

  /** The indexed text point holding the character at `offset` (the last point for the end of the text). */
  pointAt(offset: number): TextPoint | null {
    if (this.nodes.length === 0) return null;
    const i = this.nodeIndexAt(Math.max(0, Math.min(offset, this.text.length - 1)));
    const node = this.nodes[i];
    return { node, offset: Math.max(0, Math.min(offset - this.starts[i], node.data.length)) };
  }

  /** The text node holding the character at `offset`, or null past the end. */
  nodeAt(offset: number): Text | null {
    if (offset < 0 || offset >= this.text.length) return null;
    return this.nodes[this.nodeIndexAt(offset)];
  }

  /**
   * A DOM Range for text offsets [start, end). It starts in the node that holds the first character and
   * ends in the node that holds the last, never at offset 0 of the following node, so the range does not
   * reach into an element it does not cover (painting and range.toString() would disagree otherwise).
   */
  rangeFor(start: number, end: number): Range {
    const document = this.root.nodeType === DOCUMENT_NODE ? (this.root as Document) : this.root.ownerDocument!;
    const range = document.createRange();
    const length = this.text.length;
    const from = Math.max(0, Math.min(start, length));
    const to = Math.max(from, Math.min(end, length));
    if (this.nodes.length === 0) {
      range.setStart(this.root, 0);
      range.collapse(true);
      return range;
    }
    const first = this.pointAt(from)!;
    range.setStart(first.node, first.offset);
    if (to === from) {
      range.collapse(true);
      return range;
    }
    const j = this.nodeIndexAt(to - 1);
    range.setEnd(this.nodes[j], to - this.starts[j]);
    return range;
  }

  /** Index of the node holding the character at `offset` (0 <= offset < text length): a binary search. */
  private nodeIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Index of the first node for which `atOrAfter` holds; the predicate must be monotonic in document order. */
  private firstIndex(atOrAfter: (text: Text) => boolean): number {
    let lo = 0;
    let hi = this.nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (atOrAfter(this.nodes[mid])) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private offsetAtIndex(i: number): number {
    return i < this.nodes.length ? this.starts[i] : this.text.length;
  }
}
