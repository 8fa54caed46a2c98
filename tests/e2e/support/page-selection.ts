/**
 * Scripts run in the page's main world to make a selection the way a user's drag would, then tell the
 * page the mouse was released (which is when Gloss offers its toolbar).
 */
export function selectTextScript(startText: string, endText: string): string {
  return `(() => {
    const find = (needle) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(needle);
        if (at >= 0) return { node, at };
      }
      throw new Error('text not found: ' + needle);
    };
    const start = find(${JSON.stringify(startText)});
    const end = find(${JSON.stringify(endText)});
    const range = document.createRange();
    range.setStart(start.node, start.at);
    range.setEnd(end.node, end.at + ${JSON.stringify(endText)}.length);
    if (range.collapsed) throw new Error('the end text comes before the start text');
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    const rect = range.getBoundingClientRect();
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: rect.right, clientY: rect.bottom }));
    return range.toString();
  })()`;
}

/** The text of every range Gloss painted, by highlight name, read from the page's highlight registry. */
export const PAINTED_SCRIPT = `(() => {
  const painted = {};
  if (!globalThis.CSS || !CSS.highlights) return painted;
  CSS.highlights.forEach((highlight, name) => {
    if (name.startsWith('gloss-')) painted[name] = [...highlight].map((range) => range.toString());
  });
  return painted;
})()`;

/** Where on screen the middle of the first occurrence of `text` is, for clicking it. */
export function textCenterScript(text: string): string {
  return `(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(${JSON.stringify(text)});
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + ${JSON.stringify(text)}.length);
      range.startContainer.parentElement.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  })()`;
}
