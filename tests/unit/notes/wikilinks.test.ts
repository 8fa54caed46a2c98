import { describe, expect, it } from 'vitest';
import { splitWikilinks } from '@/lib/notes/wikilinks';

describe('splitWikilinks', () => {
  it('gives text without wikilinks back as one piece', () => {
    expect(splitWikilinks('plain [link](x) and [one] bracket')).toEqual(['plain [link](x) and [one] bracket']);
    expect(splitWikilinks('')).toEqual(['']);
  });

  it('reads a target, shown by its own name', () => {
    expect(splitWikilinks('See [[Scattered Spider]] too')).toEqual([
      'See ',
      { target: 'Scattered Spider', label: 'Scattered Spider' },
      ' too',
    ]);
  });

  it('shows an alias instead, and searches for the target', () => {
    expect(splitWikilinks('[[Octo Tempest|the gang]]')).toEqual([{ target: 'Octo Tempest', label: 'the gang' }]);
  });

  it('shows a heading or block part as Obsidian does, and searches for the note alone', () => {
    expect(splitWikilinks('[[Reports#Storm-1152]]')).toEqual([{ target: 'Reports', label: 'Reports > Storm-1152' }]);
    expect(splitWikilinks('[[Reports#^a1b2]]')).toEqual([{ target: 'Reports', label: 'Reports > a1b2' }]);
    expect(splitWikilinks('[[#Tools]]')).toEqual([{ target: 'Tools', label: 'Tools' }]);
  });

  it('keeps what is not a wikilink as typed', () => {
    for (const text of ['[[]]', '[[ ]]', '[[a', 'a]]', '[[a\nb]]', '[[a]b]]', '[[|alias]]', '[[#]]', '[[#|alias]]', '[[ # |alias]]'])
      expect(splitWikilinks(text), text).toEqual([text]);
  });

  it('reads several in a row, and the innermost of nested brackets', () => {
    expect(splitWikilinks('[[a]][[b|c]] [[[d]]]')).toEqual([
      { target: 'a', label: 'a' },
      { target: 'b', label: 'c' },
      ' [',
      { target: 'd', label: 'd' },
      ']',
    ]);
  });

  // Each input is 400,000 characters, twenty times the longest note the store keeps, with openings that
  // never close: only a linear scan reads them within the test's time, and none is a link.
  it('reads long adversarial text', () => {
    const units = ['[[a', '[[a|', '[[a|b', '[[', '[[|', '[[a#', ']]', '[', 'a]', '[[a\n'];
    for (const unit of units) {
      const text = unit.repeat(Math.ceil(400_000 / unit.length));
      expect(splitWikilinks(text), unit).toEqual([text]);
    }
    const open = `[[${'a'.repeat(400_000)}`;
    expect(splitWikilinks(open)).toEqual([open]);
    const alias = `[[a|${'b'.repeat(400_000)}`;
    expect(splitWikilinks(alias)).toEqual([alias]);
    // And many links in a row: 80,000 of them.
    expect(splitWikilinks('[[a]]'.repeat(80_000))).toHaveLength(80_000);
  });
});
