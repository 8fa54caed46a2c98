/**
 * Readability slows down sharply on deeply nested markup (seconds at a few hundred levels), and a
 * hostile page can nest as deep as it likes. Real articles stay far below this: the 20 real test
 * pages reach at most 38 levels.
 */
export const MAX_READABLE_DEPTH = 300;

/**
 * Whether any element under `root` is nested more than `limit` levels deep. Walks the element tree
 * without recursion or allocation, and stops at the first element past the limit.
 */
export function isNestedDeeperThan(root: Element, limit: number): boolean {
  let node: Element | null = root;
  let depth = 1;
  while (node) {
    if (depth > limit) return true;
    const child: Element | null = node.firstElementChild;
    if (child) {
      node = child;
      depth++;
      continue;
    }
    while (node !== root && node.nextElementSibling === null) {
      node = node.parentElement as Element;
      depth--;
    }
    if (node === root) return false;
    node = node.nextElementSibling;
  }
  return false;
}
