/**
 * The test PDFs, made from the fixtures rather than kept in the repository: Chromium prints fixture pages
 * (playwright-core's page.pdf() on the system Chromium; nothing is downloaded) into .cache/test-pdfs/.
 * A file is made again only when its source or the way it is made changes (its name holds a hash of
 * both), so every run after the first costs a hash per file. Tests get them through a vitest globalSetup
 * (tests/support/print-test-pdfs.ts) so that parallel test files never print the same file twice; the
 * benchmark calls testPdfs() itself.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { encryptedPdf } from './encrypted-pdf';
import { CHROMIUM_PATH, FIXTURES_DIR, PROJECT_ROOT } from './paths';

export const TEST_PDF_DIR = path.join(PROJECT_ROOT, '.cache', 'test-pdfs');

/** The password of the encrypted test PDF, for a test that shows it is really encrypted. */
export const ENCRYPTED_PDF_PASSWORD = 'secret';

type PdfOptions = NonNullable<Parameters<Page['pdf']>[0]>;

export const TEST_PDF_NAMES = ['sample', 'sample-no-outline', 'long', 'scanned', 'broken', 'encrypted'] as const;
export type TestPdfName = (typeof TEST_PDF_NAMES)[number];

interface PrintedPdf {
  /** A fixture (relative to tests/fixtures) or a page given as HTML. */
  source: { fixture: string } | { html: string };
  options: PdfOptions;
  /** Style sheet added before printing. */
  css?: string;
}

interface MadePdf {
  /** Bumped whenever `make` changes what it writes. */
  version: number;
  from?: TestPdfName;
  make: (from: Buffer | null) => Buffer;
}

const SCANNED_PAGE = `<!doctype html><html><head><title>Scanned report</title></head><body style="margin:0">
<canvas id="scan" width="1100" height="1500"></canvas>
<script>
  const context = document.getElementById('scan').getContext('2d');
  context.fillStyle = '#fbfaf6';
  context.fillRect(0, 0, 1100, 1500);
  context.fillStyle = '#222';
  context.font = '48px serif';
  context.fillText('Storm-1152: a scanned threat report', 80, 140);
  context.font = '28px serif';
  for (let line = 0; line < 30; line++) context.fillText('This page is a picture of text, as a scanner makes it.', 80, 240 + line * 40);
</script></body></html>`;

const SPECS: Record<TestPdfName, PrintedPdf | MadePdf> = {
  /** The sample article (storm-1152.html), with the bookmarks Chromium makes from its headings. */
  sample: { source: { fixture: 'storm-1152.html' }, options: { format: 'A4', outline: true, tagged: true } },
  /** The same article with no bookmarks: its outline has to be inferred from font sizes. */
  'sample-no-outline': { source: { fixture: 'storm-1152.html' }, options: { format: 'A4', outline: false, tagged: false } },
  /** A long document: Wikipedia's "New Zealand" (real-pages/wikipedia-2.html) on small pages, 100+ of them. */
  long: {
    source: { fixture: 'real-pages/wikipedia-2.html' },
    options: { format: 'A5', outline: true, tagged: true },
    css: 'html, body { font-size: 26px !important; line-height: 1.5 !important; }',
  },
  /** One page that is only a picture of text: no text layer. */
  scanned: { source: { html: SCANNED_PAGE }, options: { format: 'A4', outline: false, tagged: false } },
  /** The sample cut off after its first 2,000 bytes, as a failed download leaves it. */
  broken: { version: 1, from: 'sample', make: (from) => (from ?? Buffer.alloc(0)).subarray(0, 2_000) },
  /** A password-protected one-page report (harness/encrypted-pdf.ts). */
  encrypted: { version: 1, make: () => encryptedPdf('Secret report about Storm-1152', ENCRYPTED_PDF_PASSWORD) },
};

const isMade = (spec: PrintedPdf | MadePdf): spec is MadePdf => 'make' in spec;

async function specHash(name: TestPdfName): Promise<string> {
  const spec = SPECS[name];
  const hash = createHash('sha256').update(name);
  if (isMade(spec)) {
    hash.update(`made ${spec.version} ${spec.make.toString()}`);
    if (spec.from) hash.update(await specHash(spec.from));
  } else {
    hash.update(JSON.stringify(spec.options)).update(spec.css ?? '');
    if ('fixture' in spec.source) hash.update(await readFile(path.join(FIXTURES_DIR, spec.source.fixture)));
    else hash.update(spec.source.html);
  }
  return hash.digest('hex').slice(0, 16);
}

async function cachePath(name: TestPdfName): Promise<string> {
  return path.join(TEST_PDF_DIR, `${name}-${await specHash(name)}.pdf`);
}

/** Writes by renaming a finished file into place, so a reader never sees half a PDF. */
async function writeAtomically(file: string, bytes: Buffer): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, file);
  // Older versions of the same file are of no further use.
  const prefix = `${path.basename(file).replace(/-[0-9a-f]{16}\.pdf$/, '')}-`;
  for (const entry of await readdir(TEST_PDF_DIR)) {
    if (entry.startsWith(prefix) && /^[0-9a-f]{16}\.pdf$/.test(entry.slice(prefix.length)) && entry !== path.basename(file)) {
      await rm(path.join(TEST_PDF_DIR, entry), { force: true });
    }
  }
}

async function print(browser: Browser, spec: PrintedPdf): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    if ('fixture' in spec.source) await page.goto(pathToFileURL(path.join(FIXTURES_DIR, spec.source.fixture)).href);
    else await page.setContent(spec.source.html);
    if (spec.css) await page.addStyleTag({ content: spec.css });
    return await page.pdf(spec.options);
  } finally {
    await page.close();
  }
}

/**
 * The paths of the named test PDFs (all of them by default), making those not yet in the cache: one
 * Chromium launch for all the printing there is to do.
 */
export async function testPdfs(names: readonly TestPdfName[] = TEST_PDF_NAMES): Promise<Record<TestPdfName, string>> {
  await mkdir(TEST_PDF_DIR, { recursive: true });
  const paths = {} as Record<TestPdfName, string>;
  const wanted = new Set<TestPdfName>();
  const want = (name: TestPdfName) => {
    wanted.add(name);
    const spec = SPECS[name];
    if (isMade(spec) && spec.from) want(spec.from);
  };
  names.forEach(want);
  for (const name of wanted) paths[name] = await cachePath(name);
  const missing = [...wanted].filter((name) => !existsSync(paths[name]));
  const toPrint = missing.filter((name) => !isMade(SPECS[name]));
  if (toPrint.length > 0) {
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      // Fixtures refer to assets on the web: fail those lookups at once instead of waiting on DNS.
      args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND'],
    });
    try {
      for (const name of toPrint) await writeAtomically(paths[name], await print(browser, SPECS[name] as PrintedPdf));
    } finally {
      await browser.close();
    }
  }
  for (const name of missing) {
    const spec = SPECS[name];
    if (!isMade(spec)) continue;
    const from = spec.from ? await readFile(paths[spec.from]) : null;
    await writeAtomically(paths[name], spec.make(from));
  }
  return paths;
}

/** The path of one test PDF, made if needed. */
export async function testPdf(name: TestPdfName): Promise<string> {
  return (await testPdfs([name]))[name];
}
