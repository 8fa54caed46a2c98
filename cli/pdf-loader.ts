/**
 * Opens PDFs in Node with pdfjs-dist's legacy build (the modern build needs browser APIs Node 20
 * lacks) and reads them with lib/pdf. The viewer does the same in the browser with its own pdf.js.
 */
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { checkPdfSize, PdfProblem, pdfProblemFrom } from '../lib/pdf/pdf-problems';
import { readPdf, type PdfReading, type ReadPdfOptions } from '../lib/pdf/read-pdf';
import type { PdfDocumentSource } from '../lib/pdf/pdf-source';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<PdfJs> | null = null;
/** Loaded on first use: `gloss analyze page.html` should not pay for pdf.js. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/**
 * A folder of pdfjs-dist's data: its standard fonts, so text in the 14 base fonts gets its widths (and no
 * warning per page), and its character maps, without which text in a CJK font the file only names is lost.
 * pdf.js's Node reader hands the address to `fs.readFile`, so it is a path (a file: URL is not found).
 */
function pdfjsFolder(kind: 'standard_fonts' | 'cmaps'): string {
  const packageJson = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
  // pdf.js asks for the trailing slash, and only a slash.
  return `${path.join(path.dirname(packageJson), kind)}/`;
}

/** Whether the bytes start like a PDF ("%PDF-" within the first kilobyte, as readers allow). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

export interface OpenedPdf {
  document: PdfDocumentSource;
  close: () => Promise<void>;
}

/**
 * Opens PDF bytes with pdf.js (no scripts, no font loading: only text and structure are wanted), a
 * protected one with its `password`.
 */
export async function openPdf(bytes: Uint8Array, password?: string): Promise<OpenedPdf> {
  checkPdfSize(bytes.byteLength);
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    password,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: pdfjsFolder('standard_fonts'),
    cMapUrl: pdfjsFolder('cmaps'),
    cMapPacked: true,
    verbosity: 0,
  });
  try {
    const document = await task.promise;
    return { document: document as unknown as PdfDocumentSource, close: () => task.destroy() };
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw pdfProblemFrom(error);
  }
}

/** Reads a PDF's bytes into a PdfReading; throws a PdfProblem for bad input. */
export async function readPdfBytes(bytes: Uint8Array, options: ReadPdfOptions, password?: string): Promise<PdfReading> {
  const opened = await openPdf(bytes, password);
  try {
    return await readPdf(opened.document, options);
  } finally {
    await opened.close();
  }
}

/** Reads a PDF file; throws a PdfProblem for bad input and the file system's error for a missing file. */
export async function readPdfFile(file: string, options: ReadPdfOptions, password?: string): Promise<PdfReading> {
  const info = await stat(file);
  checkPdfSize(info.size);
  const bytes = await readFile(file);
  if (!looksLikePdf(bytes)) throw new PdfProblem('broken', 'This file is not a PDF.');
  return readPdfBytes(bytes, options, password);
}
