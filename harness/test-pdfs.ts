/**
 * The test PDFs, made from the fixtures rather than kept in the repository: Chromium prints fixture pages
 * (playwright-core's page.pdf() on the system Chromium; nothing is downloaded) into .cache/test-pdfs/.
 * A file is made again only when its source or the way it is made changes (its name holds a hash of
 * both), so every run after the first costs a hash per file.
 *
 * They are made when a test (or the benchmark) first asks for them, not before the run: a run that needs
 * none prints none, and test files that need none run meanwhile. Test files running in parallel never
 * make the same file twice: whoever makes a file holds a lock folder beside it (`<file>.lock`, with the
 * owner's process id), and the others wait for the file to appear. What one call prints, it prints in
 * parallel pages of one Chromium.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { encryptedPdf } from './encrypted-pdf';
import { japanesePdf, jpeg2000Pdf, linksPdf } from './reach-pdfs';
import { CHROMIUM_PATH, FIXTURES_DIR, PROJECT_ROOT } from './paths';

export const TEST_PDF_DIR = path.join(PROJECT_ROOT, '.cache', 'test-pdfs');

/** The password of the encrypted test PDF, for a test that shows it is really encrypted. */
export const ENCRYPTED_PDF_PASSWORD = 'secret';

type PdfOptions = NonNullable<Parameters<Page['pdf']>[0]>;

export const TEST_PDF_NAMES = [
  'sample',
  'sample-no-outline',
  'long',
  'scanned',
  'broken',
  'encrypted',
  'japanese',
  'jpeg2000',
  'links',
] as const;
/** PDFs only the benchmark asks for: no test waits for their printing. */
export const BENCH_PDF_NAMES = ['very-long'] as const;
export type TestPdfName = (typeof TEST_PDF_NAMES)[number] | (typeof BENCH_PDF_NAMES)[number];

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
  /** A report of 300+ pages, for the viewer's benchmark (a long report must never freeze the viewer): the same
   * article on A6 pages in larger type. */
  'very-long': {
    source: { fixture: 'real-pages/wikipedia-2.html' },
    options: { format: 'A6', scale: 1.6, outline: true, tagged: true },
    css: 'html, body { font-size: 26px !important; line-height: 1.5 !important; }',
  },
  /** One page that is only a picture of text: no text layer. */
  scanned: { source: { html: SCANNED_PAGE }, options: { format: 'A4', outline: false, tagged: false } },
  /** The sample cut off after its first 2,000 bytes, as a failed download leaves it. */
  broken: { version: 1, from: 'sample', make: (from) => (from ?? Buffer.alloc(0)).subarray(0, 2_000) },
  /** A password-protected one-page report (harness/encrypted-pdf.ts). */
  encrypted: { version: 2, make: () => encryptedPdf('Secret report about Storm-1152', ENCRYPTED_PDF_PASSWORD) },
  /** A Japanese line in a font the file names but does not carry, readable only through Adobe's character maps. */
  japanese: { version: 1, make: () => japanesePdf() },
  /** A caption and a picture stored as JPEG 2000. */
  jpeg2000: { version: 1, make: () => jpeg2000Pdf() },
  /** Links to the web, to a mail address and to page 2, and two that must not become links. */
  links: { version: 1, make: () => linksPdf() },
};

const isMade = (spec: PrintedPdf | MadePdf): spec is MadePdf => 'make' in spec;

async function specHash(name: TestPdfName): Promise<string> {
  const spec = SPECS[name];
  const hash = createHash('sha256').update(name);
  if (isMade(spec)) {
    hash.update(`made ${spec.version} ${spec.make.toString()}`);
    // Made from nothing, a file costs next to nothing to make: its bytes are its hash, so a change in the
    // module that writes it (harness/reach-pdfs.ts) is never missed.
    if (spec.from) hash.update(await specHash(spec.from));
    else hash.update(spec.make(null));
  } else {
    hash.update(JSON.stringify(spec.options)).update(spec.css ?? '');
    if ('fixture' in spec.source) hash.update(await readFile(path.join(FIXTURES_DIR, spec.source.fixture)));
    else hash.update(spec.source.html);
  }
  return hash.digest('hex').slice(0, 16);
}

async function cachePath(name: TestPdfName, dir: string): Promise<string> {
  return path.join(dir, `${name}-${await specHash(name)}.pdf`);
}

/** Writes by renaming a finished file into place, so a reader never sees half a PDF. */
async function writeAtomically(file: string, bytes: Buffer): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, file);
  // Older versions of the same file are of no further use.
  const prefix = `${path.basename(file).replace(/-[0-9a-f]{16}\.pdf$/, '')}-`;
  const dir = path.dirname(file);
  for (const entry of await readdir(dir)) {
    if (entry.startsWith(prefix) && /^[0-9a-f]{16}\.pdf$/.test(entry.slice(prefix.length)) && entry !== path.basename(file)) {
      await rm(path.join(dir, entry), { force: true });
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

/** How long a caller waits for a file another process is making, and how often it looks. */
const WAIT_FOR_OTHERS_MS = 10 * 60_000;
const LOOK_EVERY_MS = 200;
/** A lock folder this old whose owner never wrote its id (it died at once) is taken over. */
const UNOWNED_LOCK_MS = 60_000;

const lockOf = (file: string) => `${file}.lock`;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the right to make `file`: true when this caller holds its lock now. A lock whose owner has
 * ended (a run stopped part-way) is taken over.
 */
async function claim(file: string): Promise<boolean> {
  const lock = lockOf(file);
  try {
    await mkdir(lock);
    await writeFile(path.join(lock, 'owner'), String(process.pid));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const owner = Number(await readFile(path.join(lock, 'owner'), 'utf8').catch(() => ''));
  const made = await stat(lock).then(
    (s) => s.mtimeMs,
    () => Date.now(),
  );
  const abandoned = owner > 0 ? !isRunning(owner) : Date.now() - made > UNOWNED_LOCK_MS;
  if (!abandoned) return false;
  await rm(lock, { recursive: true, force: true });
  return claim(file);
}

const release = (file: string) => rm(lockOf(file), { recursive: true, force: true });

/**
 * Waits until another caller has made `file`. Resolves false when its maker gave up (the lock is gone
 * and the file is not there), so this caller can try to make it itself and meet the same error.
 */
async function madeByOther(file: string): Promise<boolean> {
  const deadline = Date.now() + WAIT_FOR_OTHERS_MS;
  while (Date.now() < deadline) {
    if (existsSync(file)) return true;
    if (!existsSync(lockOf(file))) return existsSync(file);
    await new Promise((resolve) => setTimeout(resolve, LOOK_EVERY_MS));
  }
  throw new Error(
    `${path.basename(file)} was not made within ${WAIT_FOR_OTHERS_MS / 60_000} minutes; remove ${lockOf(file)} if no test run is making it.`,
  );
}

/** Prints the given PDFs in parallel pages of one Chromium, writing each as soon as it is printed. */
async function printAll(names: readonly TestPdfName[], paths: Record<TestPdfName, string>): Promise<void> {
  if (names.length === 0) return;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Fixtures refer to assets on the web: fail those lookups at once instead of waiting on DNS.
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND'],
  });
  try {
    await Promise.all(names.map(async (name) => writeAtomically(paths[name], await print(browser, SPECS[name] as PrintedPdf))));
  } finally {
    await browser.close();
  }
}

/**
 * The paths of the named test PDFs (all of them by default), making those not yet in the cache: the
 * printed ones this caller may make in one Chromium, then the ones made from others; files another
 * caller is making are waited for. `dir` is the cache folder (another one in the harness's own tests).
 */
export async function testPdfs(names: readonly TestPdfName[] = TEST_PDF_NAMES, dir = TEST_PDF_DIR): Promise<Record<TestPdfName, string>> {
  await mkdir(dir, { recursive: true });
  const paths = {} as Record<TestPdfName, string>;
  const wanted = new Set<TestPdfName>();
  const want = (name: TestPdfName) => {
    wanted.add(name);
    const spec = SPECS[name];
    if (isMade(spec) && spec.from) want(spec.from);
  };
  names.forEach(want);
  for (const name of wanted) paths[name] = await cachePath(name, dir);
  // Printed files first (a made file may be made from one), then the made ones in order of need.
  const order = [...wanted].sort((a, b) => Number(isMade(SPECS[a])) - Number(isMade(SPECS[b])));
  let pending = order.filter((name) => !existsSync(paths[name]));
  while (pending.length > 0) {
    const mine: TestPdfName[] = [];
    for (const name of pending) if (await claim(paths[name])) mine.push(name);
    try {
      // Another caller may have finished a file between our look and our lock.
      const toMake = mine.filter((name) => !existsSync(paths[name]));
      await printAll(
        toMake.filter((name) => !isMade(SPECS[name])),
        paths,
      );
      for (const name of toMake) {
        const spec = SPECS[name];
        if (!isMade(spec)) continue;
        if (spec.from && !existsSync(paths[spec.from]) && !(await madeByOther(paths[spec.from]))) continue;
        const from = spec.from ? await readFile(paths[spec.from]) : null;
        await writeAtomically(paths[name], spec.make(from));
      }
    } finally {
      await Promise.all(mine.map((name) => release(paths[name])));
    }
    const others = pending.filter((name) => !mine.includes(name));
    for (const name of others) await madeByOther(paths[name]);
    pending = order.filter((name) => !existsSync(paths[name]));
  }
  return paths;
}

/** The path of one test PDF, made if needed. */
export async function testPdf(name: TestPdfName): Promise<string> {
  return (await testPdfs([name]))[name];
}
