/**
 * Addresses in quotes (page text) stay text; the reader's own notes are Markdown and may link
 * (note-markdown.ts). GFM makes links of bare `www.` and `scheme://` addresses and
 * of e-mail addresses (with or without `mailto:`/`xmpp:`), and CommonMark of `<https://…>` and `<a@b.c>`;
 * quotes come from hostile pages, so none of that may become something to click in the exported note.
 * Each check renders with marked (gfm: true), a CommonMark renderer with GitHub's extensions.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { escapeMarkdownLine, markdownBlockquote, markdownInline } from '@/lib/export/markdown/escape';
import { pageMarkdown } from '@/lib/export/markdown/page-markdown';
import type { PageExport } from '@/lib/export/page-export';
import type { AnnotationRecord } from '@/lib/storage/records';

/** One document reused for every render: making a JSDOM per input would dominate the property tests. */
const { document } = new JSDOM('').window;

function render(markdown: string): HTMLElement {
  document.body.innerHTML = marked.parse(markdown, { async: false, gfm: true });
  return document.body;
}

/** Elements that text must never turn into (the same list as escape.test.ts). */
const MARKUP = 'h1, h2, h3, h4, h5, h6, ul, ol, li, a, img, script, iframe, div, table, code, pre, em, strong, del, hr, input';

/**
 * What a reader sees of `text` once exported: the whitespace rules of the export (every run one space,
 * none at the ends) and no control characters.
 */
function visible(text: string): string {
  return text
    .toWellFormed()
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g, '')
    .replace(/[\s\u0085]+/g, ' ')
    .trim();
}

/** Rendered as a quote, `text` shows exactly as written and makes no link or other markup. */
function expectPlainText(text: string): void {
  const quote = render(markdownBlockquote(text));
  expect(quote.querySelectorAll(MARKUP), markdownBlockquote(text)).toHaveLength(0);
  expect(visible(quote.textContent ?? '')).toBe(visible(text));
}

/** Text marked would link, unescaped (each was checked to make an <a> when written as it is). */
const ADDRESSES = [
  'mail evil@x.example for the key',
  'a@b.co',
  'first.last+tag@sub-domain.example.org.',
  '(contact: soc@corp.example)',
  '<soc@corp.example>',
  'mailto:soc@corp.example',
  'xmpp:bot@chat.example/resource',
  'x!a@b.example and x#a@b.example',
  '1.@x.example',
  '_a@x.example_ and *a@x.example* and ~a@x.example~',
  'a@b@c.example',
  'a@1.2 and a@b_c.d_e',
  'évil@x.example and ünïcode@exämple.example',
  'www.evil.example',
  'see www.evil.example/path?q=1&r=2#frag.',
  'xwww.evil.example and a_www.evil.example and _www.evil.example_',
  'https://evil.example/bare',
  'HTTPS://EVIL.EXAMPLE and Http://evil.example',
  'ftp://files.example/a and xhttps://evil.example',
  '<https://evil.example/autolink> and <ftp://x.example>',
  'https://user:pass@evil.example:8080/p and www.a.example/@b.example',
  'javascript:a@x.example and alert(1)+a@x.example',
  '[a@b.example](https://evil.example) www.evil.example',
  'line one www.a.example\nuser@b.example on line two\n\nhttps://c.example after a blank line',
];

describe('addresses in quotes and notes', () => {
  it.each(ADDRESSES)('keep %j as text', (text) => {
    expectPlainText(text);
  });

  it('would be links if written as they are (so the cases above test something)', () => {
    for (const text of ADDRESSES) {
      const rendered = render(text.replace(/[<>[\]]/g, ' '));
      expect(rendered.querySelectorAll('a').length, text).toBeGreaterThan(0);
    }
  });

  it('are escaped where a link would start, and only there', () => {
    expect(escapeMarkdownLine('mail evil@x.example')).toBe('mail evil\\@x.example');
    expect(escapeMarkdownLine('mailto:a@b.example')).toBe('mailto:a\\@b.example');
    expect(escapeMarkdownLine('xwww.evil.example')).toBe('xwww\\.evil.example');
    expect(escapeMarkdownLine('WWW.evil.example')).toBe('WWW\\.evil.example');
    expect(escapeMarkdownLine('https://evil.example')).toBe('https\\://evil.example');
    // An "@" with no address around it is prose, and stays as it is.
    for (const prose of ['ask @gloss on the forum', 'meet me @ 5pm', 'a@ b and a @b', 'price: 3 @ $2', 'email@']) {
      expect(markdownInline(prose).replaceAll('\\$', '$')).toBe(prose);
    }
  });

  it('stay text in titles and actor names too (the same escaping)', () => {
    const heading = render(`# ${markdownInline('Contact soc@corp.example or www.corp.example')}`);
    expect(heading.querySelectorAll('a')).toHaveLength(0);
    expect(heading.textContent?.trim()).toBe('Contact soc@corp.example or www.corp.example');
  });
});

/** Pieces autolinks are made of, and the punctuation around them that changes how marked reads them. */
const PIECES = [
  'www.',
  'WWW.',
  'www',
  'w',
  'http',
  'https',
  'HTTP',
  'ftp',
  'mailto:',
  'xmpp:',
  '://',
  ':',
  '/',
  '//',
  '@',
  '@',
  '.',
  '.',
  'a',
  'Z',
  '0',
  '9',
  'é',
  '_',
  '-',
  '+',
  ' ',
  '\n',
  '\n\n',
  '\\',
  '<',
  '>',
  '(',
  ')',
  '*',
  '~',
  '#',
  'com',
  'example',
  '&',
  ';',
  '!',
  '?',
  "'",
  '"',
  '`',
  '[',
  ']',
  '%',
  '=',
  '^',
  '$',
  '|',
  ',',
  '\t',
  'xn--',
  '1.',
  '🦊',
];

/** Prose with real-looking addresses in it. */
const AROUND = fc.array(fc.constantFrom(...PIECES, ' ', ' ', 'the'), { maxLength: 4 }).map((pieces) => pieces.join(''));
const ADDRESS = fc.oneof(
  fc.emailAddress(),
  fc.emailAddress().map((email) => `mailto:${email}`),
  fc.emailAddress().map((email) => `xmpp:${email}/res`),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.domain().map((domain) => `www.${domain}`),
  fc.webUrl().map((url) => `<${url}>`),
  fc.emailAddress().map((email) => `<${email}>`),
);

const RUNS = { seed: 1152, numRuns: 1000 };

describe('generated text in quotes', () => {
  it('makes no link or markup and shows as written: pieces of addresses in any order', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 16 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expectPlainText(t);
      }),
      RUNS,
    );
  });

  it('makes no link and shows as written: e-mail addresses and URLs inside prose', () => {
    const text = fc.array(fc.tuple(AROUND, ADDRESS, AROUND), { minLength: 1, maxLength: 3 }).map((parts) => parts.flat().join(''));
    fc.assert(
      fc.property(text, (t) => {
        expectPlainText(t);
      }),
      RUNS,
    );
  });

  it('makes no link or markup and shows as written: any printable ASCII', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (t) => {
        expectPlainText(t);
      }),
      RUNS,
    );
  });
});

describe('addresses in a whole note', () => {
  const url = 'https://news.example/storm-1152';
  const annotations: AnnotationRecord[] = ADDRESSES.map((text, i) => ({
    id: `a${i}`,
    pageUrl: url,
    color: 'yellow',
    note: `Reported by ${text}; see also www.vendor.example and analyst${i}@vendor.example`,
    tags: [],
    createdAt: i,
    updatedAt: i,
    target: {
      quote: { type: 'TextQuoteSelector', exact: `Write to ${text} today`, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: i * 100, end: i * 100 + 10 },
    },
  }));
  const page: PageExport = {
    page: { url, title: 'Leaked soc@corp.example', siteName: 'ops@corp.example', createdAt: 0, updatedAt: 0 },
    annotations,
    entityTags: [],
    actors: [{ key: 'x', canonical: 'Actor www.actor.example', aliases: ['ops@actor.example'], attackId: 'G1015' }],
  };

  it('keeps Gloss’s own links (each passage, the ATT&CK group), the reader’s in notes, and none from page text', () => {
    const body = render(pageMarkdown(page, new Date(0)).replace(/^---\n[\s\S]*?\n---\n/, ''));
    const links = [...body.querySelectorAll('a')];
    const passages = links.filter((a) => a.textContent === '↗ Open passage');
    expect(passages).toHaveLength(annotations.length);
    expect(passages.every((a) => a.getAttribute('href')!.startsWith(`${url}#:~:text=`))).toBe(true);
    expect(links.at(-1)!.getAttribute('href')).toBe('https://attack.mitre.org/groups/G1015/');
    // Quotes, the title and actor names are page text: no link. Notes are the reader's Markdown: their
    // addresses link, as in Obsidian.
    expect(body.querySelectorAll('blockquote a, h1 a, li strong a')).toHaveLength(0);
    const noteLinks = links.filter((a) => a.closest('p') && a.textContent !== '↗ Open passage');
    expect(noteLinks.length).toBeGreaterThanOrEqual(2 * annotations.length);
    const notes = annotations.map((annotation) => annotation.note!).join('\n');
    for (const link of noteLinks) expect(notes).toContain(link.textContent);
    const quotes = [...body.querySelectorAll('body > blockquote')].map((quote) => visible(quote.textContent ?? ''));
    expect(quotes).toEqual(annotations.map((annotation) => visible(annotation.target.quote.exact)));
  });
});

/**
 * Linear time: every input is about 200 KB made to defeat the patterns that escape addresses (quadratic
 * work would take minutes); each must be done in well under a second, with every address start escaped.
 */
describe('escaping addresses on adversarial text', () => {
  const inputs: [string, string, RegExp, number][] = [
    ['www. repeated', 'www.'.repeat(50_000), /www\\\./g, 50_000],
    ['w repeated, a dot at the end', `${'w'.repeat(200_000)}.`, /www\\\./g, 1],
    ['a@ repeated', 'a@'.repeat(100_000), /a\\@/g, 99_999],
    ['é@ repeated', 'é@'.repeat(100_000), /é\\@/g, 99_999],
    ['@ repeated', '@'.repeat(200_000), /\\@/g, 0],
    ['a@a. repeated', 'a@a.'.repeat(50_000), /a\\@a/g, 50_000],
    ['one address 200 KB long', `a@${'a.'.repeat(100_000)}`, /a\\@a/g, 1],
    ['.@_ repeated', '.@_'.repeat(66_667), /\\@/g, 0],
    ['https:// repeated', 'https://'.repeat(25_000), /https\\:\/\//g, 25_000],
    ['a@www. repeated', 'a@www.'.repeat(33_334), /a\\@www\\\./g, 33_334],
  ];

  it.each(inputs)('%s', (_name, text, escaped, count) => {
    for (const escape of [markdownBlockquote, markdownInline]) {
      const start = performance.now();
      const markdown = escape(text);
      expect(performance.now() - start).toBeLessThan(1000);
      expect(markdown.match(escaped)?.length ?? 0).toBe(count);
    }
  });
});
