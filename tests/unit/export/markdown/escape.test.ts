import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { escapeMarkdownLine, markdownBlockquote, markdownInline, markdownLinkDestination } from '@/lib/export/markdown/escape';

function render(markdown: string): Document {
  return new JSDOM(marked.parse(markdown, { async: false, gfm: true })).window.document;
}

/** Elements that text must never turn into. */
const MARKUP = 'h1, h2, h3, h4, h5, h6, ul, ol, li, a, img, script, iframe, div, table, code, pre, em, strong, del, hr, input, br';

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** What is left of a line once every backslash escape is removed: any syntax character here is live. */
function unescaped(markdown: string): string {
  return markdown.replace(/\\[\s\S]/g, '');
}

/** Text that would become something else if written to Markdown as it is. */
const NASTY_TEXT = [
  '*bold* and **strong** and _em_ and __init__',
  '[click](javascript:alert(1)) and [ref][1]',
  '![image](https://evil.example/x.png)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<!-- hidden --> and <div>block</div>',
  '<https://evil.example/autolink>',
  'https://evil.example/bare and www.evil.example and ftp://files.example',
  'javascript:alert(1)',
  '# Heading',
  '###### Six',
  '#ransomware is a tag in Obsidian',
  '> quoted',
  '>> nested',
  '- item',
  '+ item',
  '* item',
  '1. item',
  '2) item',
  '- [ ] task',
  '---',
  '***',
  '___',
  '===',
  'Setext heading\n===',
  'Setext heading\n---',
  '[[Wikilink]] and ![[Embed]] and [[a|b]]',
  '[^1] footnote and ^[inline footnote]',
  '[1]: https://evil.example "definition"',
  '%%hidden comment%%',
  '==highlighted==',
  '$x^2$ and $$E = mc^2$$',
  '~~strike~~ and ~single~',
  '| a | b |\n| --- | --- |\n| c | d |',
  '`code` and ```fence',
  '```\nfenced\n```',
  '~~~\nfenced\n~~~',
  '    indented code',
  '\tTabbed code',
  'trailing backslash\\',
  'hard break  \nnext line',
  'the last words ^block-id',
  '&lt;script&gt; and &#60;b&#62; and &copy; and &amp;',
  '> [!warning] Callout',
  '\\*not bold\\* already escaped',
  '🦊 emoji 👨‍👩‍👧 and RTL \u202Eevil\u202C text',
  'NUL \u0000 and bell \u0007',
  'x'.repeat(5000),
];

describe('markdownBlockquote', () => {
  it.each(NASTY_TEXT)('keeps %j as plain quoted text', (text) => {
    const document = render(markdownBlockquote(text));
    const quotes = document.querySelectorAll('body > blockquote');
    expect(quotes).toHaveLength(1);
    expect(document.body.children).toHaveLength(1);
    expect(quotes[0].querySelectorAll(MARKUP)).toHaveLength(0);
    const expected = collapse(text.replace(/[\u0000-\u0008\u000b-\u001f]/g, ''));
    expect(collapse(quotes[0].textContent ?? '')).toBe(expected);
  });

  it('quotes every line, with ">" alone on the lines between paragraphs', () => {
    const text =
      'The dismantling of Storm-1152’s infrastructure.\n      Microsoft’s criminal referral.\n\n   Through meticulous investigation';
    expect(markdownBlockquote(text)).toBe(
      '> The dismantling of Storm-1152’s infrastructure.\n>\n> Microsoft’s criminal referral.\n>\n> Through meticulous investigation',
    );
    expect(render(markdownBlockquote(text)).querySelectorAll('blockquote > p')).toHaveLength(3);
  });

  it('leaves no Obsidian syntax live: tags, comments, highlights, wikilinks, block ids, maths', () => {
    for (const text of NASTY_TEXT) {
      const markdown = markdownBlockquote(text);
      expect(unescaped(markdown)).not.toMatch(/#\S|%%|==|\[|\]|\$|~|`|\*|<|\|/);
      expect(markdown).not.toMatch(/(?:^|\s)\^[A-Za-z0-9-]+$/m);
    }
  });
});

describe('escaping stays out of ordinary prose', () => {
  it.each([
    'Storm-1152 had operated a vast network of fraudulent activities, primarily focused on creating fake Microsoft accounts.',
    'It emphasizes the essential role of collective efforts, intelligence sharing, and (crucially) partnerships.',
    'Revenue grew 3.5 times in 2023 - or so they say; e.g. snake_case_names and C# code stay as they are.',
    'Der Bär läuft. 熊が走る。 الدب يجري.',
  ])('leaves %j unchanged', (text) => {
    expect(markdownInline(text)).toBe(text);
  });

  it('escapes only what starts a construct', () => {
    expect(escapeMarkdownLine('1984 was a year')).toBe('1984 was a year');
    expect(escapeMarkdownLine('1984. A year')).toBe('1984\\. A year');
    expect(escapeMarkdownLine('costs $5 and #1 spot')).toBe('costs \\$5 and \\#1 spot');
    expect(escapeMarkdownLine('a = b, c == d')).toBe('a = b, c \\=\\= d');
    expect(escapeMarkdownLine('50% off, 100%% sure')).toBe('50% off, 100\\%\\% sure');
    expect(escapeMarkdownLine('x^2 ^ y and end ^abc')).toBe('x^2 ^ y and end \\^abc');
    expect(escapeMarkdownLine('AT&T & R&D &amp;')).toBe('AT&T & R&D \\&amp;');
  });
});

describe('markdownInline', () => {
  it('puts any text on one line', () => {
    expect(markdownInline('Title\nwith\r\nbreaks\u2028and\tTabs')).toBe('Title with breaks and Tabs');
  });

  it('makes a heading that stays one heading', () => {
    for (const text of NASTY_TEXT) {
      const document = render(`# ${markdownInline(text) || 'Untitled'}`);
      expect(document.body.children).toHaveLength(1);
      expect(document.body.children[0].localName).toBe('h1');
      expect(document.body.children[0].querySelectorAll(MARKUP)).toHaveLength(0);
    }
  });
});

describe('markdownLinkDestination', () => {
  it('percent-encodes what could end a link or be read as an escape', () => {
    expect(markdownLinkDestination('https://a.example/wiki/Foo_(bar) baz\\<x>`y`')).toBe(
      'https://a.example/wiki/Foo_%28bar%29%20baz%5C%3Cx%3E%60y%60',
    );
    expect(markdownLinkDestination('https://a.example/\u00e9t\u00e9\ud800')).toBe('https://a.example/%C3%A9t%C3%A9%EF%BF%BD');
  });

  it('keeps percent escapes and the text directive as they are', () => {
    const url = 'https://news.example/a?x=1&y=2#sec:~:text=Storm%2D1152,-Octo%20Tempest';
    expect(markdownLinkDestination(url)).toBe(url);
  });

  it('gives a destination marked links to exactly', () => {
    const url = 'https://a.example/wiki/Foo_(bar)#:~:text=(DDoS)%20attacks) [x](javascript:alert(1))';
    const destination = markdownLinkDestination(url);
    const links = render(`[↗ Open passage](${destination})`).querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0].textContent).toBe('↗ Open passage');
    // The same address, written with more percent escapes (marked adds some of its own).
    expect(decodeURIComponent(links[0].getAttribute('href')!)).toBe(decodeURIComponent(url));
  });
});
