/** An outline entry with the entries beneath it. */
export interface OutlineNode<T extends { level: number }> {
  item: T;
  children: OutlineNode<T>[];
}

/**
 * Nests a flat, document-ordered list of headings by level. A heading becomes the child of the
 * nearest earlier heading with a smaller level; skipped levels (h2 then h4) nest one step, and a
 * page that starts deep (h3 before any h2) keeps those headings at the top.
 */
export function nestOutline<T extends { level: number }>(items: readonly T[]): OutlineNode<T>[] {
  const roots: OutlineNode<T>[] = [];
  const stack: OutlineNode<T>[] = [];
  for (const item of items) {
    const node: OutlineNode<T> = { item, children: [] };
    while (stack.length > 0 && stack[stack.length - 1].item.level >= item.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  return roots;
}
