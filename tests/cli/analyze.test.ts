import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NESTED_HTML, sampleOf } from '../support/hostile-text';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin', 'gloss.js');
const STORM = path.join(ROOT, 'tests', 'fixtures', 'storm-1152.html');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real command line, from a directory outside the project, as a user would. */
function gloss(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: tmpdir(), timeout: 25_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('gloss analyze on the reference page', () => {
  let json: Run;
  // The run gets the time a test gets (30 s), not a hook's default 10 s: on a busy machine starting
  // Node and tsx alone can take several seconds.
  beforeAll(async () => {
    json = await gloss('analyze', STORM);
  }, 30_000);

  it('prints the metadata as JSON by default', () => {
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    const report = JSON.parse(json.stdout);
    expect(report.title).toBe('Microsoft Takes Down Cybercrime Group Storm-1152 and Disrupts Illicit Activities');
    expect(report.byline).toBe('Newsroom Staff');
    expect(report.siteName).toBe('Security Newsroom');
    expect(report.publishedTime).toMatch(/^2023-12-14/);
    expect(report.kind).toBe('article');
    expect(report.readingTime.words).toBeGreaterThan(300);
    expect(report.url).toBe(`file://${STORM}`);
    expect(Array.isArray(report.entities)).toBe(true);
    expect(json.stdout).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });

  it('lists exactly the eight h2 sections, in order, as {level, text}', () => {
    const { outline } = JSON.parse(json.stdout);
    expect(outline).toHaveLength(8);
    expect(outline[0]).toEqual({ level: 2, text: 'Overview of Storm-1152’s fraudulent activities' });
    expect(outline[7]).toEqual({ level: 2, text: 'Microsoft’s broader strategy and partnerships' });
    for (const item of outline) expect(Object.keys(item).sort()).toEqual(['level', 'text']);
  });

  it('prints Markdown with the title heading and the outline as bullets', async () => {
    const run = await gloss('analyze', STORM, '--format', 'markdown');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('# Microsoft Takes Down Cybercrime Group Storm-1152 and Disrupts Illicit Activities');
    expect(lines).toContain('- **By:** Newsroom Staff');
    expect(lines).toContain('- Overview of Storm-1152’s fraudulent activities');
    expect(lines).toContain('- Microsoft’s broader strategy and partnerships');
    expect(lines).toContain('## Entities');
    expect(run.stdout).not.toContain('file://');
  });

  it('uses --url as the page address', async () => {
    const run = await gloss('analyze', STORM, '--url', 'https://example.com/a');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).url).toBe('https://example.com/a');
    const markdown = await gloss('analyze', STORM, '--url', 'https://example.com/a', '--format', 'markdown');
    expect(markdown.stdout).toContain('- **Source:** <https://example.com/a>');
  });

  it('prints usage for --help and for no arguments', async () => {
    for (const args of [['--help'], []]) {
      const run = await gloss(...args);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: gloss analyze <file\.html\|file\.pdf>/);
    }
  });
});

describe('gloss analyze on other pages', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gloss-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function file(name: string, content: string | Uint8Array): Promise<string> {
    const target = path.join(dir, name);
    await writeFile(target, content);
    return target;
  }

  it('reads UTF-8 without a charset declaration, and legacy encodings that declare one', async () => {
    const utf8 = await file('utf8.html', '<html><head><title>Café – Storm-1152’s</title></head><body><p>Text.</p></body></html>');
    expect(JSON.parse((await gloss('analyze', utf8)).stdout).title).toBe('Café – Storm-1152’s');
    const latin = Buffer.from(
      '<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body><p>x</p></body></html>',
      'latin1',
    );
    expect(JSON.parse((await gloss('analyze', await file('latin.html', latin))).stdout).title).toBe('Café');
  });

  it('prints nothing from jsdom about CSS it cannot parse', async () => {
    const page = await file('bad-css.html', '<html><head><style>a{b:c}}}}</style><title>T</title></head><body><p>Words.</p></body></html>');
    const run = await gloss('analyze', page);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('reports a page nested too deeply for Readability instead of hanging on it', async () => {
    const html = `<title>Deep</title><h2>Only heading</h2>${'<div>'.repeat(400)}<p>${'Words, words. '.repeat(60)}</p>${'</div>'.repeat(400)}`;
    const run = await gloss('analyze', await file('deep.html', html));
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.kind).toBe('too-complex');
    expect(report.outline).toEqual([{ level: 2, text: 'Only heading' }]);
  });

  it('keeps a hostile title inert in Markdown', async () => {
    const page = await file(
      'hostile.html',
      '<title>*[x](javascript:alert(1))*</title><body><h2>&lt;img src=x onerror=alert(1)&gt;</h2><p>Hi.</p>',
    );
    const run = await gloss('analyze', page, '--format', 'markdown');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('# \\*\\[x\\]\\(javascript:alert\\(1\\)\\)\\*');
    expect(run.stdout).toContain('- \\<img src\\=x onerror\\=alert\\(1\\)\\>');
  });
});

describe('gloss analyze on bad input', () => {
  let dir: string;
  const inputs: Record<string, string> = {};
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gloss-bad-'));
    const files: Record<string, string | Uint8Array> = {
      'image.png': Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
      'data.json': JSON.stringify({ title: 'Not a page', html: '<p>x</p>' }),
      'empty.html': '',
      'blank.html': ' \n\t\n  ',
      'no-body-text.html': '<!doctype html><html><head><title>Title only</title></head><body> <script>var a = 1;</script> </body></html>',
      'notes.txt': 'Plain text, no markup at all.',
      'page.html': '<p>A real page.</p>',
      // 200 KB nested tens of thousands deep: jsdom alone took over a minute before the depth check.
      'nested.html': sampleOf(NESTED_HTML, 1),
    };
    for (const [name, content] of Object.entries(files)) {
      inputs[name] = path.join(dir, name);
      await writeFile(inputs[name], content);
    }
    inputs.directory = path.join(dir, 'folder.html');
    await mkdir(inputs.directory);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const cases: [string, () => string[], number, RegExp][] = [
    ['a missing file', () => ['analyze', path.join(dir, 'nope.html')], 1, /no such file/],
    ['a directory', () => ['analyze', inputs.directory], 1, /is a directory/],
    ['PNG bytes', () => ['analyze', inputs['image.png']], 1, /not an HTML file/],
    ['a JSON file', () => ['analyze', inputs['data.json']], 1, /not an HTML file/],
    ['text without markup', () => ['analyze', inputs['notes.txt']], 1, /no HTML tags/],
    ['an empty file', () => ['analyze', inputs['empty.html']], 1, /empty/],
    ['a whitespace-only file', () => ['analyze', inputs['blank.html']], 1, /empty/],
    ['HTML with no text in its body', () => ['analyze', inputs['no-body-text.html']], 1, /no text/],
    [
      'HTML nested deeper than a browser nests',
      () => ['analyze', inputs['nested.html']],
      1,
      /nested too deeply to read \(over 512 levels\)/,
    ],
    ['an unknown --format', () => ['analyze', inputs['page.html'], '--format', 'yaml'], 2, /unknown format "yaml"/],
    ['a relative --url', () => ['analyze', inputs['page.html'], '--url', 'example.com/a'], 2, /--url must be an absolute URL/],
    ['a javascript: --url', () => ['analyze', inputs['page.html'], '--url', 'javascript:alert(1)'], 2, /--url must be/],
    ['an unknown command', () => ['analyse', inputs['page.html']], 2, /unknown command "analyse"/],
    ['an unknown option', () => ['analyze', inputs['page.html'], '--colour'], 2, /unknown option "--colour"/],
    ['no file', () => ['analyze'], 2, /exactly one file/],
  ];

  // One at a time: started together, the ten runs (each its own Node and tsx) shared two loaded cores and
  // ran into the 25 s limit of each run, though every one alone answers in a few seconds.
  it.each(cases)('rejects %s with one line on stderr', async (_name, args, exitCode, message) => {
    const run = await gloss(...args());
    expect(run.code).toBe(exitCode);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^gloss: [^\n]+\n$/);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('accepts a bare HTML fragment', async () => {
    const run = await gloss('analyze', inputs['page.html']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).kind).toBe('not-article');
  });
});
