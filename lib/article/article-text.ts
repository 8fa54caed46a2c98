/**
 * The article's plain text: its text nodes in document order, as `textContent` reads them, with one
 * difference. Where a block ends and the next text begins with no white space between them in the source
 * (minified HTML: `<li>evil.com</li><li>bad.net</li>`, `<p>…in Germany.</p><p>Defenders…`), a line break is
 * put between them, and a space between table cells; `textContent` would run them together ("evil.combad.net",
 * "Germany.Defenders") and the finders would lose both. Where the source has white space there, nothing is
 * added, so a page written with line breaks between its blocks gives exactly its `textContent`.
 *
 * Iterative (a stack, not recursion): the caller has already refused pages nested too deeply to read.
 */

const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TFOOT',
  'THEAD',
  'TR',
  'UL',
]);
const CELLS = new Set(['TD', 'TH']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

export function articleText(root: Node): string {
  const parts: string[] = [];
  let last: string | undefined;
  // The separator owed at the last block or cell boundary, paid only between two non-space characters.
  let owed: '\n' | ' ' | null = null;
  const boundary = (element: Element) => {
    if (BLOCKS.has(element.tagName.toUpperCase())) owed = '\n';
    else if (CELLS.has(element.tagName.toUpperCase())) owed ??= ' ';
  };
  // Each element is visited twice: on the way in, then (marked `exit`) after its children.
  const stack: { node: Node; exit: boolean }[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (data === '') continue;
      if (owed !== null && last !== undefined && !isSpace(last) && !isSpace(data[0])) parts.push(owed);
      owed = null;
      parts.push(data);
      last = data[data.length - 1];
      continue;
    }
    if (node !== root) {
      if (node.nodeType !== ELEMENT_NODE) continue;
      boundary(node as Element);
    }
    if (exit) continue;
    stack.push({ node, exit: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], exit: false });
  }
  return parts.join('');
}
