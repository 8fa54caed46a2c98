import { PDF_LINKS } from '../../../harness/reach-pdfs';

/**
 * Scripts run in Gloss's PDF viewer for the highlight tests: what is painted on the text layers (by the
 * CSS Custom Highlight API's registry), and where a phrase is drawn, for a real mouse drag across it.
 */

/** The text of every range painted in each of Gloss's highlight layers (colours, the noted mark), by name. */
export const PDF_PAINTED_SCRIPT = `(() => {
  const painted = {};
  CSS.highlights.forEach((highlight, name) => {
    if (/^gloss-(yellow|green|blue|pink|purple|noted)$/.test(name)) painted[name] = [...highlight].map((range) => range.toString());
  });
  return painted;
})()`;

export type Painted = Partial<
  Record<'gloss-yellow' | 'gloss-green' | 'gloss-blue' | 'gloss-pink' | 'gloss-purple' | 'gloss-noted', string[]>
>;

/**
 * Where a drag from the first character of `from` to the last of `to` starts and ends, in the viewport,
 * after scrolling the start into the middle of the view. Both are looked for in the text layers' spans.
 */
export function dragEdgesScript(from: string, to: string): string {
  return `(() => {
    const spans = [...document.querySelectorAll('.textLayer span:not(.markedContent)')];
    // The end is looked for from the start's span on, so the drag goes forwards.
    const charBox = (needle, last, from = 0) => {
      const span = spans.slice(from).find((s) => s.textContent.includes(needle));
      if (!span) return null;
      const at = span.textContent.indexOf(needle) + (last ? needle.length - 1 : 0);
      const range = document.createRange();
      range.setStart(span.firstChild, at);
      range.setEnd(span.firstChild, at + 1);
      return range.getBoundingClientRect();
    };
    const first = charBox(${JSON.stringify(from)}, false);
    if (!first) return null;
    const scroller = document.querySelector('.pdf-scroller');
    scroller.scrollTop += first.top - scroller.getBoundingClientRect().top - scroller.clientHeight / 3;
    const start = charBox(${JSON.stringify(from)}, false);
    const startSpan = spans.findIndex((s) => s.textContent.includes(${JSON.stringify(from)}));
    const end = charBox(${JSON.stringify(to)}, true, startSpan);
    if (!start || !end) return null;
    return { from: { x: start.left + 1, y: start.top + start.height / 2 }, to: { x: end.right - 1, y: end.top + end.height / 2 } };
  })()`;
}

export interface DragEdges {
  from: { x: number; y: number };
  to: { x: number; y: number };
}

/** The middle of the first line of the first painted range of a layer, scrolled into view, to click on the highlight. */
export function paintedCenterScript(name: string): string {
  return `(() => {
    const highlight = CSS.highlights.get(${JSON.stringify(name)});
    const range = highlight && [...highlight][0];
    if (!range) return null;
    // Into the middle of the view first, as a person scrolls to what they click.
    const scroller = document.querySelector('.pdf-scroller');
    const box = range.getBoundingClientRect();
    scroller.scrollTop += box.top - scroller.getBoundingClientRect().top - scroller.clientHeight / 2;
    const rect = range.getClientRects()[0];
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
  })()`;
}

/** The viewer's highlight UI: its panels live in an open shadow root of the scroller's \`.gloss-pdf-ui\` host. */
export const PDF_UI_HOST = '.gloss-pdf-ui';

/** The sample article's passage the highlight tests select, across a line break, and the selection's text. */
export const PASSAGE = {
  from: 'Astonishingly',
  to: 'million',
  selected: 'Astonishingly, the group managed to generate a staggering 750 million',
};

/** A passage of the sample no other test highlights, for a note typed and then the viewer reloaded before Done. */
export const PARTNER = { from: 'Octo Tempest utilized', to: 'campaigns', note: 'Storm-1152’s partner.', tags: 'octo-tempest, partners' };

/** The selection's text, each run of white space (a line break between spans) as one space. */
export const SELECTION_SCRIPT = `getSelection().toString().replace(/\\s+/g, ' ')`;

/** Whether a word of a text layer lies under the point; false in a gap between lines or beside them. */
export function wordUnderScript(x: number, y: number): string {
  return `document.elementsFromPoint(${x}, ${y}).some((element) => element.matches('.textLayer span:not(.markedContent)'))`;
}

/** What a drag that starts on a link selects: from the link's words into the next line's. */
export const FROM_LINK = {
  from: PDF_LINKS.page.words,
  to: 'Run the',
  selected: `${PDF_LINKS.page.words} Run the`,
  highlighted: `${PDF_LINKS.page.words}Run the`,
};

/** What a gap test needs of a Playwright or a Puppeteer page. */
interface DrivenPage {
  mouse: {
    move: (x: number, y: number, options?: { steps?: number }) => Promise<void>;
    down: () => Promise<void>;
    up: () => Promise<void>;
  };
  evaluate: (script: string) => Promise<unknown>;
}

/** The selection at each stop of `dragThroughLineGap`, and whether its middle stop had no word under it. */
export interface GapDrag {
  gapHasNoWord: boolean;
  onTheLine: string;
  inTheGap: string;
  atTheEnd: string;
}

/** Drags from PASSAGE's start along its line, straight down into the gap under it, then to PASSAGE's end, and releases. */
export async function dragThroughLineGap(page: DrivenPage): Promise<GapDrag> {
  const edges = (await page.evaluate(dragEdgesScript(PASSAGE.from, PASSAGE.to))) as DragEdges;
  const along = { x: edges.from.x + 40, y: edges.from.y };
  const gap = { x: along.x, y: (edges.from.y + edges.to.y) / 2 };
  const selection = () => page.evaluate(SELECTION_SCRIPT) as Promise<string>;
  const gapHasNoWord = !(await page.evaluate(wordUnderScript(gap.x, gap.y)));
  await page.mouse.move(edges.from.x, edges.from.y);
  await page.mouse.down();
  await page.mouse.move(along.x, along.y, { steps: 4 });
  const onTheLine = await selection();
  await page.mouse.move(gap.x, gap.y, { steps: 4 });
  const inTheGap = await selection();
  await page.mouse.move(edges.to.x, edges.to.y, { steps: 4 });
  const atTheEnd = await selection();
  await page.mouse.up();
  return { gapHasNoWord, onTheLine, inTheGap, atTheEnd };
}
