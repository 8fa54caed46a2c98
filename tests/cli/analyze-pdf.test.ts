/**
 * `gloss analyze report.pdf`: the real command line on PDFs Chromium printed from the fixtures
 * (harness/test-pdfs.ts), and on PDFs it cannot read.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENCRYPTED_PDF_PASSWORD, testPdfs, type TestPdfName } from '../../harness/test-pdfs';
import { PRINT_TIMEOUT_MS } from '../support/use-test-pdfs';
import { JAPANESE_LINE } from '../../harness/reach-pdfs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin', 'gloss.js');
/** Reading a PDF is slower than a page, and the test machines are shared: wait long, but not for ever. */
const RUN_TIMEOUT_MS = 90_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line, with `environment` added to this process's. */
function glossIn(environment: Record<string, string>, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: tmpdir(), timeout: RUN_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...environment } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const gloss = Object.assign((...args: string[]) => glossIn({}, args), {
  withEnvironment:
    (environment: Record<string, string>) =>
    (...args: string[]) =>
      glossIn(environment, args),
});

let pdfs: Record<TestPdfName, string>;
beforeAll(async () => {
  pdfs = await testPdfs();
}, PRINT_TIMEOUT_MS);

describe('gloss analyze on the printed sample article', () => {
  const URL = 'https://vendor.example/research/storm-1152.pdf';
  let json: Run;
  beforeAll(async () => {
    json = await gloss('analyze', pdfs.sample, '--url', URL);
  }, RUN_TIMEOUT_MS);

  it('prints the report in the HTML page\'s shape, kind "pdf", with the fingerprint and page count', () => {
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({
      title: 'Microsoft Takes Down Cybercrime Group Storm-1152 and Disrupts Illicit Activities - Security Newsroom',
      siteName: 'vendor.example',
      url: URL,
      kind: 'pdf',
      lang: 'en-US',
    });
    expect(report.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(report.documentKey).toBe(`urn:x-pdf:${report.fingerprint}`);
    expect(report.pageCount).toBeGreaterThanOrEqual(2);
    expect(report.readingTime.words).toBeGreaterThan(300);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['title', 'byline', 'siteName', 'publishedTime', 'outline', 'entities']));
  });

  it('lists the bookmarks as the outline, with their pages', () => {
    const { outline, pageCount } = JSON.parse(json.stdout);
    expect(outline[0]).toEqual({
      level: 1,
      text: 'Microsoft Takes Down Cybercrime Group Storm-1152 and Disrupts Illicit Activities',
      page: 1,
    });
    expect(outline).toContainEqual({ level: 2, text: 'Overview of Storm-1152’s fraudulent activities', page: 1 });
    for (const item of outline) expect(item.page).toBeLessThanOrEqual(pageCount);
  });

  it('finds Storm-1152 among the threat actors, Octo Tempest resolved to Scattered Spider, and Microsoft', () => {
    const { entities } = JSON.parse(json.stdout);
    const actors = entities.filter((entity: { kind: string }) => entity.kind === 'threat-actor');
    const storm = actors.find((entity: { name: string }) => entity.name === 'Storm-1152');
    // 17 in the article, one more in the page's "Explore more" teaser, which a printed page keeps.
    expect(storm.mentions.length).toBeGreaterThanOrEqual(17);
    expect(actors.find((entity: { name: string }) => entity.name === 'Octo Tempest')?.canonical).toBe('Scattered Spider');
    expect(entities.some((entity: { kind: string; name: string }) => entity.kind === 'organization' && entity.name === 'Microsoft')).toBe(
      true,
    );
  });

  it('gives mention offsets into the document text', async () => {
    const { entities } = JSON.parse(json.stdout);
    const storm = entities.find((entity: { name: string }) => entity.name === 'Storm-1152');
    for (const mention of storm.mentions) {
      expect(mention.end - mention.start).toBe(mention.text.length);
      expect(mention.text).toBe('Storm-1152');
    }
  });

  it(
    'prints Markdown with the title, pages, the outline with pages, and the entities',
    async () => {
      const run = await gloss('analyze', pdfs.sample, '--url', URL, '--format', 'markdown');
      expect(run.code).toBe(0);
      const lines = run.stdout.split('\n');
      expect(lines[0]).toBe('# Microsoft Takes Down Cybercrime Group Storm-1152 and Disrupts Illicit Activities - Security Newsroom');
      expect(lines).toContain(`- **Source:** <${URL}>`);
      expect(lines.some((line) => /^- \*\*Pages:\*\* \d+$/.test(line))).toBe(true);
      expect(lines.some((line) => /^- \*\*Fingerprint:\*\* `[0-9a-f]{32}`$/.test(line))).toBe(true);
      expect(lines).toContain('  - Overview of Storm-1152’s fraudulent activities (page 1)');
      expect(lines.some((line) => line.startsWith('- **Storm-1152** (threat-actor)'))).toBe(true);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'infers the outline from font sizes when the PDF has no bookmarks',
    async () => {
      const run = await gloss('analyze', pdfs['sample-no-outline']);
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout);
      expect(report.url).toBe(pathToFileURL(pdfs['sample-no-outline']).href);
      expect(report.siteName).toBeNull();
      expect(report.outline.filter((item: { level: number }) => item.level === 2).map((item: { text: string }) => item.text)).toContain(
        'Microsoft’s broader strategy and partnerships',
      );
    },
    RUN_TIMEOUT_MS,
  );
});

describe('gloss analyze on PDFs it cannot read', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gloss-bad-pdf-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const cases: [string, () => Promise<string>, RegExp][] = [
    [
      'an encrypted PDF given no password',
      async () => pdfs.encrypted,
      /: This PDF is protected by a password\. Give its password with --password, or in GLOSS_PDF_PASSWORD \(kept out of the shell history\)\.$/,
    ],
    ['a broken (cut-off) PDF', async () => pdfs.broken, /: This file is not a PDF that can be read: it is damaged or incomplete\.$/],
    ['a scanned PDF', async () => pdfs.scanned, /: This PDF has no text to read — it may be a scan\.$/],
    [
      'a .pdf file that is no PDF',
      async () => {
        const file = path.join(dir, 'report.pdf');
        await writeFile(file, '<html><body>Saved as .pdf by mistake</body></html>');
        return file;
      },
      /report\.pdf: is named like a PDF but is not one \(it does not start with "%PDF-"\)$/,
    ],
  ];

  it.concurrent.each(cases)(
    'refuses %s with one plain line on stderr, exit code 1',
    async (_name, file, message) => {
      const run = await gloss('analyze', await file());
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^gloss: [^\n]+\n$/);
      expect(run.stderr.trimEnd()).toMatch(message);
      expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'reads a PDF whatever its name, by its bytes',
    async () => {
      const file = path.join(dir, 'download');
      await copyFile(pdfs.sample, file);
      const run = await gloss('analyze', file);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).kind).toBe('pdf');
    },
    RUN_TIMEOUT_MS,
  );
});

describe("gloss analyze on PDFs that need pdf.js's own data", () => {
  it(
    'reads text in a CJK font the PDF only names, through the character maps, and finds the actor only that text names',
    async () => {
      const run = await gloss('analyze', pdfs.japanese);
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as {
        entities: { name: string; mentions: { text: string }[] }[];
        readingTime: { words: number };
      };
      const apt28 = report.entities.find((entity) => entity.mentions.some((mention) => mention.text === 'APT28'));
      expect(apt28?.name).toBe('APT28');
      // Four words in Helvetica ("Storm-1152 report, Japanese edition"), then APT28 and the ten characters after it.
      expect(report.readingTime.words).toBe(4 + 1 + [...JAPANESE_LINE.slice('APT28 '.length)].length);
    },
    RUN_TIMEOUT_MS,
  );
});

describe('gloss analyze on a protected PDF', () => {
  it(
    'reads it with --password or GLOSS_PDF_PASSWORD, and says plainly when the password is wrong',
    async () => {
      const given = await gloss('analyze', pdfs.encrypted, '--password', ENCRYPTED_PDF_PASSWORD, '--format', 'markdown');
      expect(given.code).toBe(0);
      expect(given.stdout).toContain('Storm-1152');
      const fromEnvironment = await gloss.withEnvironment({ GLOSS_PDF_PASSWORD: ENCRYPTED_PDF_PASSWORD })('analyze', pdfs.encrypted);
      expect(fromEnvironment.code).toBe(0);
      expect(JSON.parse(fromEnvironment.stdout).entities.map((entity: { name: string }) => entity.name)).toContain('Storm-1152');
      const wrong = await gloss('analyze', pdfs.encrypted, '--password', 'not the password');
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toMatch(/: This PDF is protected by a password, and the one given does not open it\.\n$/);
    },
    RUN_TIMEOUT_MS,
  );
});
