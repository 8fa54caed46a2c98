/**
 * The reader's notes are Markdown and pass through as written; only what would break the exported
 * note's structure is guarded (lib/export/markdown/note-markdown.ts). Each case renders with marked
 * (CommonMark with GitHub's extensions) where rendering is the point.
 */
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { markdownNote } from '@/lib/export/markdown/note-markdown';
import { GLOSS_BLOCK_END, GLOSS_BLOCK_START, markerKind } from '@/lib/export/markdown/vault-markers';

const { document } = new JSDOM('').window;

function render(markdown: string): HTMLElement {
  document.body.innerHTML = marked.parse(markdown, { async: false, gfm: true });
  return document.body;
}

/**
 * The note as it sits in an export: after a highlight's link, before its tags and the next section. What
 * the note does must stay between the two.
 */
function inContext(note: string): HTMLElement {
  return render(
    `## Highlights\n\n> quote\n\n[↗ Open passage](https://a.example/) · Yellow highlight\n\n${markdownNote(note)}\n\n#tag\n\n## Threat actors\n\nafter`,
  );
}

function headings(body: HTMLElement): string[] {
  return [...body.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.localName} ${h.textContent}`);
}

describe('markdownNote passes the reader’s Markdown through', () => {
  it.each([
    ['a wikilink', 'See [[Scattered Spider]] and [[Storm-1152|the group]].'],
    ['emphasis', '*Important* and **very** and _this_ and ~~not that~~'],
    ['an Obsidian highlight and tag', '==key point== #follow-up'],
    ['a link', '[report](https://example.com/report) and https://example.com'],
    ['inline code', 'run `whoami /priv` first'],
    ['an embed', '![[diagram.png]]'],
    ['a closed Obsidian comment', 'visible %%private%% visible'],
    ['a footnote', 'claim[^1]\n\n[^1]: source'],
  ])('keeps %s exactly', (_what, note) => {
    expect(markdownNote(note)).toBe(note);
  });

  it('keeps lists, nested by their indentation, and they render as lists', () => {
    const note = '- first\n  - nested\n- second\n\n1. one\n2. two\n\n- [ ] a task';
    expect(markdownNote(note)).toBe(note);
    const body = inContext(note);
    expect(body.querySelectorAll('ul > li > ul > li')).toHaveLength(1);
    expect(body.querySelectorAll('ol > li')).toHaveLength(2);
  });

  it('keeps fenced code as typed, guards included', () => {
    const note = 'Before:\n\n```powershell\n# not a heading\n---\n$$ and %% and ^gloss-123456789abc\n    indented\n```\n\nAfter.';
    expect(markdownNote(note)).toBe(note);
    const code = inContext(note).querySelector('pre code')!;
    expect(code.textContent).toBe('# not a heading\n---\n$$ and %% and ^gloss-123456789abc\n    indented\n');
  });

  it('renders emphasis, wikilinks as text for Obsidian, and code', () => {
    const body = inContext('*Important*: [[Scattered Spider]] uses `SIM swapping`.');
    expect(body.querySelector('em')?.textContent).toBe('Important');
    expect(body.querySelector('p code')?.textContent).toBe('SIM swapping');
    expect(body.textContent).toContain('[[Scattered Spider]]');
  });

  it('keeps headings of level 3 and below: they stay inside the highlight’s section', () => {
    expect(markdownNote('### Why it matters\ntext')).toBe('### Why it matters\ntext');
    expect(headings(inContext('### Why it matters\ntext'))).toEqual(['h2 Highlights', 'h3 Why it matters', 'h2 Threat actors']);
  });
});

describe('markdownNote guards what would break the note’s structure', () => {
  it.each([
    ['# Title', '\\# Title'],
    ['## Section', '\\## Section'],
    ['   ## Indented', '   \\## Indented'],
    ['#', '\\#'],
    ['##\tTab', '\\##\tTab'],
  ])('escapes a heading of level 1 or 2: %j', (note, expected) => {
    expect(markdownNote(note)).toBe(expected);
    expect(headings(inContext(note))).toEqual(['h2 Highlights', 'h2 Threat actors']);
  });

  it('leaves Obsidian tags at a line’s start alone: #tag is no heading', () => {
    expect(markdownNote('#phishing #T1566')).toBe('#phishing #T1566');
  });

  it.each([
    ['a Setext h1 underline', 'Title\n===', 'Title\n\\==='],
    ['a Setext h2 underline', 'Title\n---', 'Title\n\\---'],
    ['a single dash under text', 'Title\n-', 'Title\n\\-'],
    ['a front matter fence', '---\ntitle: x\n---', '\\---\ntitle: x\n\\---'],
    ['an indented rule', '  -----  ', '  \\-----'],
  ])('escapes %s', (_what, note, expected) => {
    expect(markdownNote(note)).toBe(expected);
    expect(headings(inContext(note))).toEqual(['h2 Highlights', 'h2 Threat actors']);
  });

  it('keeps other rules, which can be no heading or fence', () => {
    expect(markdownNote('a\n\n***\n\nb\n\n- - -')).toBe('a\n\n***\n\nb\n\n- - -');
  });

  it('escapes a line that would count as one of Gloss’s block markers, in code too', () => {
    for (const line of [GLOSS_BLOCK_START, GLOSS_BLOCK_END, '%% gloss:end %%', '  <!--gloss:start-->']) {
      const guarded = markdownNote(`text\n${line}\nmore`);
      expect(guarded.split('\n').map(markerKind)).toEqual([null, null, null]);
      const inCode = markdownNote(`\`\`\`\n${line}\n\`\`\``);
      expect(inCode.split('\n').map(markerKind)).toEqual([null, null, null]);
    }
  });

  it('escapes a block id in Gloss’s namespace, and keeps the reader’s own', () => {
    expect(markdownNote('my point ^gloss-3b0c1f9e2a4d')).toBe('my point \\^gloss-3b0c1f9e2a4d');
    expect(markdownNote('^gloss-3b0c1f9e2a4d')).toBe('\\^gloss-3b0c1f9e2a4d');
    expect(markdownNote('my point ^my-point')).toBe('my point ^my-point');
    expect(markdownNote('x ^gloss-a and more')).toBe('x ^gloss-a and more');
  });

  it('closes a code fence left open, so the highlights after the note are not code', () => {
    expect(markdownNote('```js\nconst a = 1;')).toBe('```js\nconst a = 1;\n```');
    expect(markdownNote('~~~~\ncode\n~~~')).toBe('~~~~\ncode\n~~~\n~~~~');
    const body = inContext('```\nunclosed');
    expect(body.querySelector('pre')?.textContent).toBe('unclosed\n');
    expect(headings(body)).toEqual(['h2 Highlights', 'h2 Threat actors']);
  });

  it('escapes an HTML block that never ends, and keeps one that does', () => {
    expect(markdownNote('<!-- draft')).toBe('\\<!-- draft');
    expect(markdownNote('<!-- draft\nstill -->')).toBe('<!-- draft\nstill -->');
    expect(markdownNote('<pre>\nunclosed')).toBe('\\<pre>\nunclosed');
    expect(markdownNote('<details><summary>More</summary>\n\nhidden\n\n</details>')).toBe(
      '<details><summary>More</summary>\n\nhidden\n\n</details>',
    );
    expect(headings(inContext('<!-- draft'))).toEqual(['h2 Highlights', 'h2 Threat actors']);
  });

  it('escapes the last of an odd number of %% or $$, which would hide or garble the rest of the file', () => {
    expect(markdownNote('a %%b%% c %%d')).toBe('a %%b%% c \\%\\%d');
    expect(markdownNote('%%\nprivate\n%%')).toBe('%%\nprivate\n%%');
    expect(markdownNote('$$\nx^2')).toBe('\\$\\$\nx^2');
    expect(markdownNote('$$x$$')).toBe('$$x$$');
  });
});

describe('markdownNote whitespace and line breaks', () => {
  it('keeps lines, drops blank lines at either end and makes runs of blank lines one', () => {
    const note = '\n\nFirst thought.\nSecond line of it.\n\n\n\nAnother paragraph.  \n\n';
    expect(markdownNote(note)).toBe('First thought.\nSecond line of it.\n\nAnother paragraph.');
  });

  it('keeps blank lines inside code', () => {
    expect(markdownNote('```\na\n\n\nb\n```')).toBe('```\na\n\n\nb\n```');
  });

  it('reads CRLF and other line breaks as "\\n", and drops control characters', () => {
    expect(markdownNote('a\r\nb\rc\u2028d\u0000e')).toBe('a\nb\nc\nde');
  });

  it('gives nothing for an empty or blank note', () => {
    expect(markdownNote('')).toBe('');
    expect(markdownNote(' \n\t\n ')).toBe('');
  });
});

/**
 * Notes are the reader's, but a backup may bring anyone's, and notes may hold up to 20,000 characters
 * (record-limits.ts): every guard stays linear. Each input is 200,000 characters built against one guard;
 * quadratic work would take minutes.
 */
describe('markdownNote on adversarial input', () => {
  const SIZE = 200_000;
  const repeat = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
  it.each([
    ['HTML comment openers that never close', repeat('<!--\n')],
    ['HTML comment openers on one line', repeat('<!-- ')],
    ['fences opening and closing', repeat('```\n')],
    ['fence-like lines with backticks after', repeat('``` `\n')],
    ['block ids that never end a line', repeat(' ^gloss-a')],
    ['one long block id', ` ^gloss-${'a'.repeat(SIZE)}!`],
    ['%% repeated', repeat('%')],
    ['$$ repeated on many lines', repeat('$$\n')],
    ['hashes', repeat('#')],
    ['dashes and spaces', repeat('- ')],
    ['marker-like lines', repeat('<!-- gloss\n')],
    ['spaces', `${' '.repeat(SIZE)}x`],
  ])('%s', (_what, text) => {
    const start = performance.now();
    markdownNote(text);
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});
