import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { checkHtmlInput, documentHasText, isNonAsciiUtf8 } from '../../../lib/article/html-input';

const bytes = (text: string) => new TextEncoder().encode(text);

function problemOf(input: Uint8Array): string | null {
  const check = checkHtmlInput(input);
  return check.ok ? null : check.problem;
}

describe('checkHtmlInput', () => {
  it('accepts full documents and fragments', () => {
    expect(checkHtmlInput(bytes('<!DOCTYPE html><html><body><p>Hi</p></body></html>'))).toEqual({ ok: true });
    expect(checkHtmlInput(bytes('\n  <p class="lead">Hi</p>'))).toEqual({ ok: true });
    expect(checkHtmlInput(bytes('<!-- saved from url=(0022)https://example.com/ -->\n<html>'))).toEqual({ ok: true });
    expect(checkHtmlInput(bytes('Text first, then <br> a tag'))).toEqual({ ok: true });
  });

  it('rejects empty and whitespace-only files', () => {
    expect(problemOf(new Uint8Array())).toBe('the file is empty');
    expect(problemOf(bytes(' \r\n\t '))).toBe('the file is empty (only whitespace)');
    expect(problemOf(bytes('\ufeff  \n'))).toBe('the file is empty (only whitespace)');
  });

  it('rejects binary data such as a PNG', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(problemOf(png)).toMatch(/^not an HTML file .*binary/);
    expect(problemOf(bytes('<html>\0<body>'))).toMatch(/binary/);
  });

  it('rejects JSON, even when it holds markup in its strings', () => {
    expect(problemOf(bytes('{"html": "<p>Hello</p>"}'))).toBe('not an HTML file (it is JSON)');
    expect(problemOf(bytes('[1, 2, 3]'))).toBe('not an HTML file (it is JSON)');
  });

  it('rejects text without any tags', () => {
    expect(problemOf(bytes('Just some words, and 1 < 2 > 0.'))).toBe('not an HTML file (no HTML tags found)');
    expect(problemOf(bytes('{ not json, no tags'))).toBe('not an HTML file (no HTML tags found)');
  });

  it('reads UTF-16 with a byte-order mark instead of calling its NUL bytes binary', () => {
    const utf16le = Uint8Array.from([0xff, 0xfe, ...Array.from('<p>Hi</p>').flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(checkHtmlInput(utf16le)).toEqual({ ok: true });
    const utf16be = Uint8Array.from([0xfe, 0xff, ...Array.from('<p>Hi</p>').flatMap((c) => [0, c.charCodeAt(0)])]);
    expect(checkHtmlInput(utf16be)).toEqual({ ok: true });
  });
});

describe('isNonAsciiUtf8', () => {
  it('is true only for BOM-less bytes that hold non-ASCII text and are valid UTF-8', () => {
    expect(isNonAsciiUtf8(bytes('<title>Café</title>'))).toBe(true);
    expect(isNonAsciiUtf8(bytes('<title>Cafe</title>'))).toBe(false);
    expect(isNonAsciiUtf8(Uint8Array.from([0x43, 0x61, 0x66, 0xe9]))).toBe(false); // "Café" in windows-1252
    expect(isNonAsciiUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes('Café')]))).toBe(false);
  });
});

describe('documentHasText', () => {
  const doc = (html: string) => new JSDOM(html).window.document;

  it('finds text anywhere in the body', () => {
    expect(documentHasText(doc('<body><div><section><p> Hello </p></section></div></body>'))).toBe(true);
  });

  it('ignores whitespace, script, style, noscript and template contents', () => {
    const body = '<script>var a = 1</script><style>p{}</style><noscript>Enable JS</noscript><template>T</template>';
    expect(documentHasText(doc(`<head><title>Only a title</title></head><body> \n ${body} <div> </div></body>`))).toBe(false);
  });

  it('copes with nesting deeper than the call stack', () => {
    // A stand-in tree: jsdom itself cannot build one this deep.
    let node: object = { nodeType: 3, nodeValue: 'deep', childNodes: [] };
    for (let i = 0; i < 200_000; i++) node = { nodeType: 1, tagName: 'DIV', childNodes: [node] };
    expect(documentHasText({ body: node } as unknown as Document)).toBe(true);
  });
});
