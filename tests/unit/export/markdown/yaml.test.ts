import { describe, expect, it } from 'vitest';
import { frontMatter, yamlString } from '@/lib/export/markdown/yaml';

// A YAML double-quoted scalar that uses only the escapes JSON also has is a JSON string literal, so
// JSON.parse reads each value back exactly as a YAML parser would.

/** Characters YAML does not allow raw, or reads as line breaks, or that reorder the raw text on screen. */
const UNSAFE_RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/;

const NASTY_STRINGS = [
  'He said "hi" and left',
  'C:\\Users\\me\\notes',
  'line one\nline two\r\nline three\rline four',
  '---',
  '...',
  'key: value',
  'a: b: c',
  '# not a comment',
  'value # with comment',
  '> folded',
  '| literal',
  '- list item',
  '? complex key',
  '[1, 2]',
  '{a: 1}',
  '&anchor',
  '*alias',
  '!!binary aGk=',
  '%YAML 1.2',
  '@reserved',
  '`backtick`',
  "'single quoted'",
  'true',
  'null',
  '~',
  '0x1F',
  '1e3',
  '2023-12-14',
  '',
  '   padded   ',
  '\ttab',
  '<script>alert(1)</script>',
  'javascript:alert(document.cookie)',
  'https://evil.example/?q="x"&y=\\',
  '🦊 emoji 👨‍👩‍👧',
  'RTL \u202Eevil\u202C override',
  'NUL \u0000 byte',
  'bell \u0007 and escape \u001b[31m',
  'DEL \u007f and C1 \u0085 NEL \u009b',
  'separators \u2028 and \u2029',
  '\ufeffbyte order mark',
  'noncharacters \ufffe \uffff',
  'x'.repeat(10_000),
];

describe('yamlString', () => {
  it.each(NASTY_STRINGS)('quotes %j so that it reads back as itself', (value) => {
    const quoted = yamlString(value);
    expect(quoted).toMatch(/^"(?:[^"\\]|\\.)*"$/);
    expect(quoted).not.toMatch(UNSAFE_RAW);
    expect(quoted).not.toContain('\n');
    expect(JSON.parse(quoted)).toBe(value);
  });

  it('turns lone surrogates, which no UTF-8 file can hold, into U+FFFD', () => {
    expect(JSON.parse(yamlString('a\ud800b\udc00c'))).toBe('a\ufffdb\ufffdc');
    expect(JSON.parse(yamlString('pair 🦊 kept'))).toBe('pair 🦊 kept');
  });

  it('uses only escapes YAML and JSON share', () => {
    const escapes = yamlString(NASTY_STRINGS.join('')).match(/\\./g) ?? [];
    expect(new Set(escapes)).toEqual(new Set(['\\"', '\\\\', '\\n', '\\r', '\\t', '\\u']));
  });
});

describe('frontMatter', () => {
  it('writes strings as quoted scalars and lists as quoted items, between --- lines', () => {
    expect(
      frontMatter([
        ['title', 'Storm-1152: "takedown"'],
        ['tags', ['fraud', '_2023']],
        ['empty', []],
      ]),
    ).toBe(['---', 'title: "Storm-1152: \\"takedown\\""', 'tags:', '  - "fraud"', '  - "_2023"', 'empty: []', '---'].join('\n'));
  });

  it('keeps every nasty value on its own line, inside its own key', () => {
    const lines = frontMatter(NASTY_STRINGS.map((value, i) => [`key${i}`, value] as const)).split('\n');
    expect(lines).toHaveLength(NASTY_STRINGS.length + 2);
    expect([lines[0], lines[lines.length - 1]]).toEqual(['---', '---']);
    NASTY_STRINGS.forEach((value, i) => {
      const line = /^(key\d+): ("(?:[^"\\]|\\.)*")$/.exec(lines[i + 1]);
      expect(line?.[1]).toBe(`key${i}`);
      expect(JSON.parse(line![2])).toBe(value);
    });
  });

  it('refuses keys that are not plain identifiers', () => {
    expect(() => frontMatter([['title: x\nevil', 'v']])).toThrow(/plain front matter key/);
    expect(() => frontMatter([['', 'v']])).toThrow();
  });
});
