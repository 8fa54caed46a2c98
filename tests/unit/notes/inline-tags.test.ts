import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineTagsOf, splitInlineTags } from '@/lib/notes/inline-tags';
import { parseNote, type NoteNode } from '@/lib/notes/note-tree';

describe('splitInlineTags', () => {
  it('gives text without tags back as one piece', () => {
    expect(splitInlineTags('no tags here')).toEqual(['no tags here']);
    expect(splitInlineTags('')).toEqual(['']);
  });

  it('reads a tag at the start or after white space, to the first character a tag cannot hold', () => {
    expect(splitInlineTags('#ransomware seen, #actor/octo-tempest.\n#TTP_1')).toEqual([
      { tag: 'ransomware' },
      ' seen, ',
      { tag: 'actor/octo-tempest' },
      '.\n',
      { tag: 'TTP_1' },
    ]);
    expect(splitInlineTags('déjà #vu')).toEqual(['déjà ', { tag: 'vu' }]);
  });

  it('keeps what Obsidian does not read as a tag as typed: numbers, a # inside a word, a heading mark, a lone #', () => {
    for (const text of ['issue #42', '#2024', 'C# and F#', 'page#part', 'https://example.org/#frag', '# Heading', '## two', 'a # b', '#'])
      expect(splitInlineTags(text), text).toEqual([text]);
  });

  it('keeps a tag longer than the store keeps one as text', () => {
    const long = `#${'a'.repeat(65)}`;
    expect(splitInlineTags(long)).toEqual([long]);
    expect(splitInlineTags(`#${'a'.repeat(64)}`)).toEqual([{ tag: 'a'.repeat(64) }]);
  });

  // Each input is 400,000 characters, twenty times the longest note the store keeps: only a linear scan
  // reads them within the test's time.
  it('reads long adversarial text', () => {
    for (const unit of ['#', '##', '# ', 'a#', '#1', '#a', ' #-']) {
      const text = unit.repeat(Math.ceil(400_000 / unit.length));
      const pieces = splitInlineTags(text);
      expect(pieces.map((p) => (typeof p === 'string' ? p : `#${p.tag}`)).join(''), unit).toBe(text);
    }
    expect(splitInlineTags(`#${'1'.repeat(400_000)}`)).toHaveLength(1);
    expect(splitInlineTags('#a '.repeat(100_000))).toHaveLength(200_000);
  });
});

describe('inlineTagsOf', () => {
  it('gives the note’s distinct tags, for search', () => {
    expect(inlineTagsOf('#phishing lure; see #phishing and #actor/x')).toEqual(['phishing', 'actor/x']);
    expect(inlineTagsOf('nothing')).toEqual([]);
  });

  it('leaves out tags in code, fenced or inline, as the views show them', () => {
    expect(inlineTagsOf('`#inline` #real\n```\n#fenced\n```\n~~~sh\n#also\n~~~\n#after')).toEqual(['real', 'after']);
  });

  it('leaves out tags in the words of a web link, an image and a wikilink, as the views draw them', () => {
    expect(inlineTagsOf('[see #x](https://e.x/) ![#y](https://e.x/i.png) [[Note #z]] [[T|#w]] #real')).toEqual(['real']);
    expect(inlineTagsOf('[#a](<https://e.x/> "title #t") #b')).toEqual(['b']);
  });

  it('keeps tags in a link the views show as its words: one to no web address; never in an image’s description', () => {
    expect(inlineTagsOf('[see #local](notes.md) and ![an #alt](i.png)')).toEqual(['local']);
    // The bracket stands before the "#" as typed.
    expect(inlineTagsOf('[#local](notes.md)')).toEqual([]);
  });

  it('reads a tag inside emphasis, and none that is escaped or runs on from a mark, code or a link', () => {
    expect(inlineTagsOf('**#urgent** ==#seen== ~~#old~~ *#a* x **#b**')).toEqual(['urgent', 'seen', 'old', 'a', 'b']);
    expect(inlineTagsOf('\\#escaped *em*#after `code`#after [[Note]]#after [x](https://e.x/)#after')).toEqual([]);
    expect(inlineTagsOf('>#quoted\n|#cell|')).toEqual(['quoted', 'cell']);
  });

  it('finds what the views draw as tags, on notes made of tags, words, links, wikilinks, code, marks and escapes', () => {
    const tagsInTree = (node: NoteNode, out: Set<string>): Set<string> => {
      if (node.type !== 'element') return out;
      if (node.tag === 'inline-tag' && node.target) out.add(node.target);
      for (const child of node.children) tagsInTree(child, out);
      return out;
    };
    const piece = fc.constantFrom(
      '#a',
      '#b',
      'x',
      '\n',
      '\n\n',
      ']',
      '(',
      ')',
      '!',
      '|',
      '"',
      '`#m`',
      // A bare address runs on to the next space in the views (linkify); search reads no bare addresses.
      'https://e.x/#l ',
      '[x #c](https://e.x/)',
      '[#d y](u)',
      '[#e](<https://e.x/> "t #f")',
      '![alt #g](https://e.x/i.png)',
      '![#h](i.png)',
      '[[T #i]]',
      '[[T|#j]]',
      '[[#k]]',
      '\\#n',
      '**#o**',
      '*p*',
      '==#q==',
      '~~x~~',
      '_',
      '>',
      '|',
      '#r',
    );
    // Pieces run together as often as apart: a tag right after code, a link or a mark is where views and search could part.
    const joined = fc.array(fc.tuple(piece, fc.constantFrom('', ' ')), { maxLength: 30 }).map((parts) => parts.flat().join(''));
    fc.assert(
      fc.property(joined, (note) => {
        const tree = parseNote(note);
        if (tree) expect(inlineTagsOf(note).sort(), note).toEqual([...tagsInTree(tree, new Set())].sort());
      }),
      { numRuns: 2000 },
    );
  });

  it('reads long adversarial text: fences and code marks that pair up, or never close', () => {
    const cases: [string, string[]][] = [
      ['```\n', []],
      ['`', []],
      // Fences pair up; every other "#a" line lies between two of them.
      ['~~~\n#a\n', ['a']],
      // Code marks pair up; every other "#a" stands right after a closing one.
      ['`#a', []],
      ['` #a', ['a']],
      ['```x\n#a\n', ['a']],
      // Links and wikilinks that never close, or nest.
      ['[#a](', []],
      ['[#a](https://e.x/ ', []],
      ['![', []],
      ['[[#a ', []],
      ['[x](https://e.x/) #a ', ['a']],
      ['[x](https://e.x/)#a ', []],
      ['*'.repeat(1000) + '#a', ['a']],
      ['[[[a]](', []],
    ];
    for (const [unit, tags] of cases) expect(inlineTagsOf(unit.repeat(Math.ceil(400_000 / unit.length))), unit).toEqual(tags);
    // A fence that never closes runs to the end, as the views read it.
    expect(inlineTagsOf(`#before\n\`\`\`\n${'#a '.repeat(100_000)}`)).toEqual(['before']);
  });
});
