import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../lib/article/extract-article';
import { byteOrderMark, checkHtmlInput, documentHasText, isNonAsciiUtf8 } from '../lib/article/html-input';
import { renderAnalysisMarkdown } from '../lib/report/analysis-markdown';
import { buildAnalysisReport, type AnalysisReport } from '../lib/report/analysis-report';
import { buildPdfAnalysisReport } from '../lib/report/pdf-analysis-report';
import { MAX_PDF_BYTES, PdfProblem } from '../lib/pdf/pdf-problems';
import type { PdfProgress } from '../lib/pdf/read-pdf';
import { looksLikePdf, readPdfBytes } from './pdf-loader';
import { createEntityScanner, type EntityScanner } from '../lib/entities/scan-entities';
import { loadEntityData } from '../lib/entities/shipped-data';
import { MAX_NESTING, nestingDepth } from './nesting-depth';
import { withReadableCanonicals } from '../lib/entities/readable-canonicals';

let scanner: EntityScanner | null = null;
/** Built on first use: a usage error should not wait for the dictionaries. */
function entityScanner(): EntityScanner {
  scanner ??= createEntityScanner(loadEntityData());
  return scanner;
}

export const FORMATS = ['json', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

/** What to do about a protected PDF, on the command line. */
export const PASSWORD_HINT = 'Give its password with --password, or in GLOSS_PDF_PASSWORD (kept out of the shell history).';

/** Files larger than this are refused rather than parsed: no saved article comes near it. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const URL_PROTOCOLS = new Set(['http:', 'https:', 'file:']);

/** A failure to report as one line on stderr; exit code 2 for a wrong command line, 1 for bad input. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

export interface AnalyzeOptions {
  file: string;
  url?: string;
  format: Format;
  /** A protected PDF's password. */
  password?: string;
  /** Told after each page of a PDF is read (the command line shows it on a terminal). */
  onProgress?: (progress: PdfProgress) => void;
}

/** A value safe to put in a one-line message: control characters (newlines included) become "?". */
export function oneLine(value: string): string {
  return value.replace(/\p{Cc}/gu, '?');
}

/** The `--url` value as a normalised absolute web or file URL. */
export function parsePageUrl(value: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new CliError(`--url must be an absolute URL such as https://example.com/article, got "${oneLine(value)}"`, 2);
  }
  if (!URL_PROTOCOLS.has(parsed.protocol)) {
    throw new CliError(`--url must be an http, https or file URL, got "${oneLine(value)}"`, 2);
  }
  return parsed.href;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
}

/** The first kilobyte of the file, to tell a PDF from a page before reading all of it. */
async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

type InputFile = { kind: 'html' | 'pdf'; bytes: Buffer };

/** Reads the file as a PDF when it is one (by its bytes, or by its name), else as an HTML page. */
async function readInputFile(file: string): Promise<InputFile> {
  const fail = (problem: string) => new CliError(`${oneLine(file)}: ${problem}`);
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw fail('is a directory, not a file');
    const pdf = looksLikePdf(await readHead(file));
    if (!pdf && /\.pdf$/i.test(file) && info.size > 0) throw fail('is named like a PDF but is not one (it does not start with "%PDF-")');
    const limit = pdf ? MAX_PDF_BYTES : MAX_FILE_BYTES;
    if (info.size > limit) {
      throw fail(`is too large (${Math.ceil(info.size / 1024 / 1024)} MB; the limit is ${limit / 1024 / 1024} MB)`);
    }
    if (pdf) return { kind: 'pdf', bytes: await readFile(file) };
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw fail(describeFsError(error));
  }
  return { kind: 'html', bytes: await readHtmlFile(file) };
}

async function analyzePdf(options: AnalyzeOptions, url: string, bytes: Buffer): Promise<AnalysisReport> {
  try {
    const reading = await readPdfBytes(bytes, { url, onProgress: options.onProgress }, options.password);
    return buildPdfAnalysisReport(reading, url, withReadableCanonicals(entityScanner().findEntities(reading.text.text)));
  } catch (error) {
    if (error instanceof PdfProblem) {
      const hint = error.kind === 'encrypted' && options.password === undefined ? ` ${PASSWORD_HINT}` : '';
      throw new CliError(`${oneLine(options.file)}: ${error.message}${hint}`);
    }
    throw error;
  }
}

async function readHtmlFile(file: string): Promise<Buffer> {
  const fail = (problem: string) => new CliError(`${oneLine(file)}: ${problem}`);
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw fail('is a directory, not a file');
    if (info.size > MAX_FILE_BYTES) {
      throw fail(`is too large (${Math.ceil(info.size / 1024 / 1024)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB)`);
    }
    const bytes = await readFile(file);
    const check = checkHtmlInput(bytes);
    if (!check.ok) throw fail(check.problem);
    return bytes;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw fail(describeFsError(error));
  }
}

/** Parses the bytes as jsdom does for a page load: encoding from the BOM or `<meta charset>`, no scripts. */
function parseDocument(bytes: Buffer, url: string): Document {
  // A fresh virtual console goes nowhere, so jsdom's complaints (CSS it cannot parse…) are not printed.
  const virtualConsole = new VirtualConsole();
  const contentType = isNonAsciiUtf8(bytes) ? 'text/html; charset=utf-8' : 'text/html';
  return new JSDOM(bytes, { url, contentType, virtualConsole }).window.document;
}

/**
 * Runs `gloss analyze` on a saved page or a PDF and returns what to print on stdout. Throws CliError for
 * anything the user can fix.
 */
export async function analyze(options: AnalyzeOptions): Promise<string> {
  const url = options.url === undefined ? pathToFileURL(path.resolve(options.file)).href : parsePageUrl(options.url);
  const input = await readInputFile(options.file);
  if (input.kind === 'pdf') return render(await analyzePdf(options, url, input.bytes), options.format);
  const { bytes } = input;
  const fail = (problem: string) => new CliError(`${oneLine(options.file)}: ${problem}`);
  let report: AnalysisReport;
  // Tags are ASCII: any reading that keeps ASCII (UTF-8, or UTF-16 by its mark) finds the same tree.
  const html = new TextDecoder(byteOrderMark(bytes)?.encoding ?? 'utf-8').decode(bytes);
  if (nestingDepth(html) > MAX_NESTING) throw fail(`the page is nested too deeply to read (over ${MAX_NESTING} levels)`);
  try {
    const doc = parseDocument(bytes, url);
    if (!documentHasText(doc)) throw fail('the page has no text in its body');
    const extraction = extractArticle(doc, url);
    report = buildAnalysisReport(extraction, url, withReadableCanonicals(entityScanner().findEntities(extraction.textContent)));
  } catch (error) {
    // jsdom and Readability recurse over the tree: a page nested thousands deep overflows the stack.
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw fail('the page is nested too deeply to read');
    throw error;
  }
  return render(report, options.format);
}

function render(report: AnalysisReport, format: Format): string {
  return format === 'markdown' ? renderAnalysisMarkdown(report) : `${JSON.stringify(report, null, 2)}\n`;
}
