/** Page-side source of `find(needle)`: the first text node holding `needle`, and where in it. */
export const FIND_TEXT = `const find = (needle) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(needle);
        if (at >= 0) return { node, at };
      }
      throw new Error('text not found: ' + needle);
    };`;

/**
 * Scripts run in the page's main world to select text (scrolled into view), as a person's drag would. Gloss ignores events a
 * script dispatches, so tests then press a real key (Shift) or drag with the real mouse to get the toolbar.
 */
export function selectTextScript(startText: string, endText: string): string {
  return `(() => {
    ${FIND_TEXT}
    const start = find(${JSON.stringify(startText)});
    const end = find(${JSON.stringify(endText)});
    const range = document.createRange();
    range.setStart(start.node, start.at);
    range.setEnd(end.node, end.at + ${JSON.stringify(endText)}.length);
    if (range.collapsed) throw new Error('the end text comes before the start text');
    // A person's selection is on screen: so is the toolbar next to it (Chrome stops drawing off-screen frames).
    start.node.parentElement.scrollIntoView({ block: 'center' });
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return range.toString();
  })()`;
}

/** The text of every range Gloss painted, by highlight name, read from the page's highlight registry. */
export const PAINTED_SCRIPT = `(() => {
  const painted = {};
  if (!globalThis.CSS || !CSS.highlights) return painted;
  CSS.highlights.forEach((highlight, name) => {
    if (name.startsWith('gloss-') && !${JSON.stringify(['gloss-noted', 'gloss-hover'])}.includes(name)) painted[name] = [...highlight].map((range) => range.toString());
  });
  return painted;
})()`;

/**
 * The decorations Gloss draws over its highlights, by name: the dotted mark of a highlight with a note
 * (gloss-noted) and the shade of the one under the pointer (gloss-hover); each with its ranges' text.
 */
export const DECORATIONS_SCRIPT = `(() => {
  const drawn = {};
  for (const name of ['gloss-noted', 'gloss-hover']) {
    const highlight = globalThis.CSS && CSS.highlights && CSS.highlights.get(name);
    if (highlight) drawn[name] = [...highlight].map((range) => range.toString());
  }
  return drawn;
})()`;

/** The viewport rectangles of every range Gloss painted in a colour layer, for placement checks. */
export const PAINTED_RECTS_SCRIPT = `(() => {
  const rects = [];
  CSS.highlights.forEach((highlight, name) => {
    if (!/^gloss-(yellow|green|blue|pink|purple)$/.test(name)) return;
    for (const range of highlight) for (const r of range.getClientRects()) if (r.width > 0) rects.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  });
  return rects;
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

/**
 * Where a mouse drag from the first character of `startText` to the last of `endText` starts and ends,
 * in viewport coordinates (just inside each character, so the selection covers exactly that text).
 */
export function textEdgesScript(startText: string, endText: string): string {
  return `(() => {
    const rectOf = (needle, fromEnd) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(needle);
        if (at < 0) continue;
        node.parentElement.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        const index = fromEnd ? at + needle.length - 1 : at;
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        return range.getBoundingClientRect();
      }
      throw new Error('text not found: ' + needle);
    };
    rectOf(${JSON.stringify(startText)}, false);
    const first = rectOf(${JSON.stringify(startText)}, false);
    const last = rectOf(${JSON.stringify(endText)}, true);
    return {
      from: { x: first.left + 1, y: first.top + first.height / 2 },
      to: { x: last.right - 1, y: last.top + last.height / 2 },
    };
  })()`;
}
