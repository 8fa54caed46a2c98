import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../../harness/fixture-server';
import { TEST_PDF_DIR, testPdf, type TestPdfName } from '../../../harness/test-pdfs';
import { PDF_LINKS } from '../../../harness/reach-pdfs';

export interface PdfServer {
  /** The address of a test PDF (harness/test-pdfs.ts), served on 127.0.0.1. */
  urlOf: (name: TestPdfName) => Promise<string>;
  server: () => FixtureServer;
}

/** Serves the printed test PDFs (made on first use, see tests/support/use-test-pdfs.ts) for a test file's tests. */
export function usePdfServer(): PdfServer {
  let server: FixtureServer | undefined;
  beforeAll(async () => {
    server = await startFixtureServer(TEST_PDF_DIR);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    urlOf: async (name) => server!.url(path.basename(await testPdf(name))),
    server: () => server!,
  };
}

/** Where in the viewport the text layer shows `needle` (the span holding it): its left and right ends and middle height. */
export function spanEdgesScript(needle: string): string {
  return `(() => {
    const span = [...document.querySelectorAll('.textLayer span:not(.markedContent)')].find((s) => s.textContent.includes(${JSON.stringify(needle)}));
    if (!span) return null;
    const text = span.firstChild;
    const at = span.textContent.indexOf(${JSON.stringify(needle)});
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + ${needle.length});
    const box = range.getBoundingClientRect();
    return { left: box.left + 1, right: box.right - 1, y: box.top + box.height / 2 };
  })()`;
}

/** What the reader sees of the viewer, for assertions: drawn pages, the current page number, find marks. */
export const VIEWER_STATE_SCRIPT = `(() => ({
  pages: document.querySelectorAll('.pdf-page').length,
  drawn: [...document.querySelectorAll('.pdf-page[data-rendered]')].map((page) => Number(page.dataset.pageNumber)),
  pageNumber: document.querySelector('input[aria-label="Page number"]')?.value ?? null,
  zoom: document.querySelector('output[aria-label="Zoom level"]')?.textContent ?? null,
  findStatus: document.querySelector('.pdf-find-status')?.textContent ?? null,
  marks: CSS.highlights.get('gloss-pdf-find')?.size ?? 0,
  currentMarks: CSS.highlights.get('gloss-pdf-find-current')?.size ?? 0,
  selection: getSelection().toString(),
  focused: document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName ?? null,
  pageInView: (() => {
    const scroller = document.querySelector('.pdf-scroller');
    const line = scroller.getBoundingClientRect().top + 40;
    const page = [...document.querySelectorAll('.pdf-page')].find((p) => p.getBoundingClientRect().bottom > line);
    return page ? Number(page.dataset.pageNumber) : null;
  })(),
}))()`;

export interface ViewerState {
  pages: number;
  drawn: number[];
  pageNumber: string | null;
  zoom: string | null;
  findStatus: string | null;
  marks: number;
  currentMarks: number;
  selection: string;
  focused: string | null;
  pageInView: number | null;
}

/**
 * The colour page 1's canvas shows at a point given in PDF points from the page's top left (the page 612 points
 * wide), as [red, green, blue], or null before the page is drawn.
 */
export function canvasColourScript(xPoints: number, yPoints: number): string {
  return `(() => {
    const canvas = document.querySelector('.pdf-page[data-page-number="1"][data-rendered] canvas');
    if (!canvas) return null;
    const scale = canvas.width / 612;
    const [r, g, b] = canvas.getContext('2d').getImageData(Math.round(${xPoints} * scale), Math.round(${yPoints} * scale), 1, 1).data;
    return [r, g, b];
  })()`;
}

/**
 * Page 1's links as the viewer lays them: each link's name (its aria-label), tooltip, address, target and
 * rel, and whether its box covers the middle of the text-layer span that holds the words it is named by.
 */
export const PAGE_LINKS_SCRIPT = `(() => [...document.querySelectorAll('.pdf-page[data-page-number="1"] .pdf-links a')].map((a) => {
  const words = a.getAttribute('aria-label');
  const span = [...document.querySelectorAll('.pdf-page[data-page-number="1"] .textLayer span')].find((s) => s.textContent === words);
  const box = a.getBoundingClientRect();
  const text = span?.getBoundingClientRect();
  const x = text && text.left + text.width / 2;
  const y = text && text.top + text.height / 2;
  return {
    name: words,
    title: a.getAttribute('title'),
    href: a.getAttribute('href'),
    target: a.getAttribute('target'),
    rel: a.getAttribute('rel'),
    overWords: !!text && x > box.left && x < box.right && y > box.top && y < box.bottom,
  };
}))()`;

/**
 * Three links, each named by its words and lying over them, its tooltip saying where it leads; the script
 * action and the javascript: address are no links at all.
 */
export const EXPECTED_LINKS = [
  {
    name: PDF_LINKS.web.words,
    title: PDF_LINKS.web.url,
    href: PDF_LINKS.web.url,
    target: '_blank',
    rel: 'noopener noreferrer',
    overWords: true,
  },
  {
    name: PDF_LINKS.mail.words,
    title: 'Write to soc@example.com',
    href: PDF_LINKS.mail.url,
    target: '_blank',
    rel: 'noopener noreferrer',
    overWords: true,
  },
  { name: PDF_LINKS.page.words, title: 'Go to page 2', href: '#page=2', target: null, rel: null, overWords: true },
];

/** A channel within 16 of `value` (of 255): the canvas may manage colour, but white is far off. */
const near = (value: number) => expect.closeTo(value, -1.5);
/** The JPEG 2000 test picture's two colours. */
export const PICTURE_RED = [near(200), near(30), near(40)];
export const PICTURE_BLUE = [near(20), near(30), near(200)];
