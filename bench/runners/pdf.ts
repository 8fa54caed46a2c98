/**
 * `npm run bench -- --suite pdf`: reading the long test PDF (harness/test-pdfs.ts: wikipedia-2 printed on
 * 100+ A5 pages) in Node, the way `gloss analyze` reads it (cli/pdf-loader.ts, pdfjs-dist's legacy build).
 *
 * - open: getDocument() until the document proxy is there;
 * - first page's text: open, then page 1's text (what a viewer needs before its first text layer);
 * - full text: open, then every page's text built into the document text (lib/pdf/document-text.ts),
 *   against pdf.js's getTextContent() on every page alone, to show what lib/pdf adds;
 * - entities: the scan over the whole document text;
 * - re-anchor 200 highlights spread over the document, against a bare indexOf per quote.
 * Each is timed RUNS times in one run, alternating with what it is compared to; the tables give medians
 * and the ratio of the two medians. Rendering pages (the viewer's first page shown) needs a browser and is
 * not measured here.
 */
import { readFile } from 'node:fs/promises';
import { openPdf } from '../../cli/pdf-loader';
import { median } from '../../harness/stats';
import { testPdf } from '../../harness/test-pdfs';
import { createEntityScanner } from '../../lib/entities/scan-entities';
import { loadEntityData } from '../../lib/entities/shipped-data';
import type { AnnotationTarget } from '../../lib/anchoring/types';
import { DocumentTextBuilder, type PdfDocumentText } from '../../lib/pdf/document-text';
import { anchorAllInPdf, describePdfOffsets } from '../../lib/pdf/pdf-anchoring';
import { extractPdfText } from '../../lib/pdf/read-pdf';

const RUNS = 5;
const HIGHLIGHTS = 200;

export interface PdfBenchResult {
  pages: number;
  bytes: number;
  chars: number;
  openMs: number;
  firstPageMs: number;
  fullTextMs: number;
  pdfJsOnlyMs: number;
  entitiesMs: number;
  entities: number;
  anchorMs: number;
  indexOfMs: number;
  anchored: number;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** 200 quotes of 20 to 80 characters spread evenly over the text (also stored for the viewer's run, pdf-viewer.ts). */
export function highlightsOver(document: PdfDocumentText): AnnotationTarget[] {
  const { text } = document;
  return Array.from({ length: HIGHLIGHTS }, (_, i) => {
    const start = Math.floor(((i + 0.5) / HIGHLIGHTS) * (text.length - 100));
    return describePdfOffsets(document, start, start + 20 + (i % 61));
  });
}

export async function benchPdf(): Promise<PdfBenchResult> {
  const bytes = await readFile(await testPdf('long'));
  const samples = {
    open: [] as number[],
    first: [] as number[],
    full: [] as number[],
    pdfJs: [] as number[],
    entities: [] as number[],
    anchor: [] as number[],
    indexOf: [] as number[],
  };
  const scanner = createEntityScanner(loadEntityData());
  let document: PdfDocumentText | null = null;
  let pages = 0;
  let entities = 0;
  let anchored = 0;
  for (let run = 0; run < RUNS; run++) {
    const open = await timed(() => openPdf(bytes));
    samples.open.push(open.ms);
    pages = open.value.document.numPages;
    await open.value.close();

    const first = await timed(async () => {
      const opened = await openPdf(bytes);
      const builder = new DocumentTextBuilder();
      builder.addPage((await (await opened.document.getPage(1)).getTextContent()).items);
      await opened.close();
    });
    samples.first.push(first.ms);

    // Alternate which goes first, so neither always runs on a warmer process.
    const ours = async () => {
      const result = await timed(async () => {
        const opened = await openPdf(bytes);
        const text = await extractPdfText(opened.document);
        await opened.close();
        return text;
      });
      samples.full.push(result.ms);
      document = result.value;
    };
    const theirs = async () => {
      const result = await timed(async () => {
        const opened = await openPdf(bytes);
        for (let n = 1; n <= opened.document.numPages; n++) await (await opened.document.getPage(n)).getTextContent();
        await opened.close();
      });
      samples.pdfJs.push(result.ms);
    };
    if (run % 2 === 0) await ours().then(theirs);
    else await theirs().then(ours);

    const text = document!.text;
    const scan = await timed(async () => scanner.findEntities(text));
    samples.entities.push(scan.ms);
    entities = scan.value.length;

    const targets = highlightsOver(document!);
    const anchor = await timed(async () => anchorAllInPdf(document!, targets));
    samples.anchor.push(anchor.ms);
    anchored = anchor.value.filter((result) => result.status === 'anchored').length;
    const bare = await timed(async () => targets.map((target) => text.indexOf(target.quote.exact)));
    samples.indexOf.push(bare.ms);
  }
  return {
    pages,
    bytes: bytes.length,
    chars: (document as PdfDocumentText | null)?.text.length ?? 0,
    openMs: median(samples.open),
    firstPageMs: median(samples.first),
    fullTextMs: median(samples.full),
    pdfJsOnlyMs: median(samples.pdfJs),
    entitiesMs: median(samples.entities),
    entities,
    anchorMs: median(samples.anchor),
    indexOfMs: median(samples.indexOf),
    anchored,
  };
}

const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

export function formatPdf(result: PdfBenchResult): string {
  const rows = [
    ['open (getDocument)', ms(result.openMs), '', ''],
    ["open + first page's text", ms(result.firstPageMs), '', ''],
    [
      'open + full text (lib/pdf)',
      ms(result.fullTextMs),
      `pdf.js getTextContent() on every page: ${ms(result.pdfJsOnlyMs)}`,
      `${(result.fullTextMs / result.pdfJsOnlyMs).toFixed(2)}×`,
    ],
    [`entities over the text (${result.entities} found)`, ms(result.entitiesMs), '', ''],
    [
      `re-anchor ${HIGHLIGHTS} highlights (${result.anchored} anchored)`,
      ms(result.anchorMs),
      `indexOf per quote: ${ms(result.indexOfMs)}`,
      `${(result.anchorMs / Math.max(result.indexOfMs, 0.001)).toFixed(1)}×`,
    ],
  ];
  return [
    `The long test PDF: ${result.pages} pages, ${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${result.chars.toLocaleString('en-US')} characters of text. ` +
      `Node ${process.version}, pdfjs-dist's legacy build; medians of ${RUNS} runs in one process.`,
    '',
    '| Step | Median ms | Compared with (median ms) | Ratio |',
    '| --- | ---: | --- | ---: |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}
