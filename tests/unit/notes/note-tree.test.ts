import { describe, expect, it } from 'vitest';
import { parseNote, type NoteNode } from '@/lib/notes/note-tree';

/** The tree as a compact string: elements as tag(children), text quoted. */
function shape(nodes: readonly NoteNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return JSON.stringify(node.text);
      const extra = [node.href, node.start, node.align, node.checked, node.image ? 'image' : undefined, node.target, node.callout].filter(
        (x) => x !== undefined,
      );
      return `${node.tag}${extra.length ? `[${extra.join(' ')}]` : ''}(${shape(node.children)})`;
    })
    .join(' ');
}

const read = (text: string) => shape(parseNote(text)?.children ?? []);
const textOf = (node: NoteNode): string => (node.type === 'text' ? node.text : node.children.map(textOf).join(''));

describe('parseNote', () => {
  it('reads emphasis, code, strikethrough and line breaks', () => {
    expect(read('A **bold** and *light* ~~old~~ `code`\nnext line')).toBe(
      'p("A " strong("bold") " and " em("light") " " s("old") " " code("code") "\\nnext line")',
    );
  });

  it('reads Obsidian’s ==highlights==, and a lone or unclosed == as typed', () => {
    expect(read('a ==marked *word*== b')).toBe('p("a " mark("marked " em("word")) " b")');
    expect(read('x == y, ==open and `==code==`')).toBe('p("x == y, ==open and " code("==code=="))');
  });

  it('reads Obsidian’s callouts: the type’s colour family, the title (or the type), the body', () => {
    expect(read('> [!warning] Check **the** hashes\n> They differ.\n>\n> - one')).toBe(
      'blockquote[warning](callout-title("Check " strong("the") " hashes") p("They differ.") ul(li("one")))',
    );
    expect(read('> [!TIP]-\n> Folded')).toBe('blockquote[tip](callout-title("Tip") p("Folded"))');
    expect(read('> [!note] Title  \n> after a hard break')).toBe('blockquote[info](callout-title("Title") p("after a hard break"))');
    expect(read('> [!faq] Why?')).toBe('blockquote[question](callout-title("Why?"))');
    expect(read('> [!custom-kind] Mine')).toBe('blockquote[info](callout-title("Mine"))');
    // Not callouts: a quote without the marker first, a marker elsewhere, one in code.
    expect(read('> plain [!note]')).toBe('blockquote(p("plain [!note]"))');
    expect(read('> `[!note]` x')).toBe('blockquote(p(code("[!note]") " x"))');
    expect(read('[!note] not quoted')).toBe('p("[!note] not quoted")');
  });

  it('reads headings, quotes, rules, code blocks and tables', () => {
    expect(read('## Why\n\n> quoted\n\n---\n\n```\nx < y\n```')).toBe('heading("Why") blockquote(p("quoted")) hr() pre("x < y")');
    expect(read('| a | b |\n| :-: | --: |\n| 1 | 2 |')).toBe(
      'table(thead(tr(th[center]("a") th[right]("b"))) tbody(tr(td[center]("1") td[right]("2"))))',
    );
  });

  it('reads tight and loose lists, numbered from where the note starts, and task items', () => {
    expect(read('- a\n- b')).toBe('ul(li("a") li("b"))');
    expect(read('3. a\n\n4. b')).toBe('ol[3](li(p("a")) li(p("b")))');
    expect(read('- [x] done\n- [ ] open\n- [y] not a task')).toBe('ul(li[true]("done") li[false]("open") li("[y] not a task"))');
    expect(read('- [ ] #todo later')).toBe('ul(li[false](inline-tag[todo]("#todo") " later"))');
  });

  it('makes web and mail addresses links, bare ones too', () => {
    expect(read('[ATT&CK](https://attack.mitre.org/) and https://example.org')).toBe(
      'p(a[https://attack.mitre.org/]("ATT&CK") " and " a[https://example.org/]("https://example.org"))',
    );
    expect(read('<mailto:soc@example.org>')).toBe('p(a[mailto:soc@example.org]("mailto:soc@example.org"))');
  });

  it('keeps a link that would run or open something else as its text', () => {
    expect(read('[click](javascript:alert(1)) [x](data:text/html,hi) [y](file:///etc/passwd)')).not.toContain('a[');
    expect(read('[click](javascript:alert(1))')).toContain('click');
  });

  it('shows an image as a link to it, named by its description, and loads nothing', () => {
    expect(read('![chart](https://example.org/c.png)')).toBe('p(a[https://example.org/c.png image]("chart"))');
    expect(read('![pixel](javascript:x)')).toBe('p("![pixel](javascript:x)")');
  });

  it('keeps raw HTML as the text typed', () => {
    expect(read('<img src=x onerror=alert(1)>')).toBe('p("<img src=x onerror=alert(1)>")');
    expect(read('a <b>bold</b> <script>x</script>')).toBe('p("a <b>bold</b> <script>x</script>")');
  });

  it('reads Obsidian’s wikilinks by their target', () => {
    expect(read('See [[Storm-1152]] #fraud')).toBe('p("See " wikilink[Storm-1152]("Storm-1152") " " inline-tag[fraud]("#fraud"))');
    expect(read('- **[[Octo Tempest|the gang]]** and [[UNC3944#Tools]]')).toBe(
      'ul(li(strong(wikilink[Octo Tempest]("the gang")) " and " wikilink[UNC3944]("UNC3944 > Tools")))',
    );
  });

  it('keeps wikilink brackets in code and in a link’s words as typed', () => {
    expect(read('`[[x]]` [a [[y]] b](https://example.org/)')).toBe('p(code("[[x]]") " " a[https://example.org/]("a [[y]] b"))');
    expect(read('    [[z]]')).toBe('pre("[[z]]")');
  });

  it('reads Obsidian’s inline tags, shown as typed; not in code, a link’s words or a wikilink, nor a heading’s mark', () => {
    expect(read('#ransomware seen; **#actor/octo-tempest** and #1 or C#')).toBe(
      'p(inline-tag[ransomware]("#ransomware") " seen; " strong(inline-tag[actor/octo-tempest]("#actor/octo-tempest")) " and #1 or C#")',
    );
    expect(read('`#code` [a #b](https://example.org/#c) [[Notes #d]]')).toBe(
      'p(code("#code") " " a[https://example.org/#c]("a #b") " " wikilink[Notes]("Notes > d"))',
    );
    expect(read('# Heading #tag')).toBe('heading("Heading " inline-tag[tag]("#tag"))');
  });

  it('reads a tag by the characters typed before it: emphasis marks may open it; an escape, code or a link may not', () => {
    expect(read('==#seen== \\#not *em*#not')).toBe('p(mark(inline-tag[seen]("#seen")) " #not " em("em") "#not")');
    expect(read('`code`#not [[Note]]#not > #quoted')).toBe(
      'p(code("code") "#not " wikilink[Note]("Note") "#not > " inline-tag[quoted]("#quoted"))',
    );
    expect(read('>#quoted\n\n| a |\n| - |\n|#cell|')).toBe(
      'blockquote(p(inline-tag[quoted]("#quoted"))) table(thead(tr(th("a"))) tbody(tr(td(inline-tag[cell]("#cell")))))',
    );
  });

  it('reads nesting as deep as any note goes, every word kept', () => {
    for (const unit of ['> ', '- ', '1. ']) {
      const tree = parseNote(`${unit.repeat(40)}deep text\n\nafter`);
      expect(tree && textOf(tree), unit).toBe('deep textafter');
    }
  });

  it('gives nothing for a note nested deeper than the reader goes, rather than drop its text', () => {
    for (const unit of ['> ', '- ', '1. ']) expect(parseNote(`${unit.repeat(1000)}deep text`), unit).toBeNull();
  });

  // Shapes that make regular-expression Markdown readers slow or overflow the stack: runs of mixed
  // emphasis marks (quadratic in micromark and marked), brackets, backticks, nested quotes and lists.
  // Each is 200,000 characters, ten times the longest note the store keeps; they finish within the
  // test's time only if reading them is close to linear.
  it('reads long adversarial notes', () => {
    const units = [
      '_a*',
      '*a_',
      'a_',
      '[(',
      '`a',
      '> ',
      '- ',
      '<a ',
      '![',
      '\\',
      '&#',
      '|a',
      '**',
      '~~a',
      '==a',
      '=a=',
      '[[a|',
      '[[a]]',
      '> [!a] ',
      '#a',
      ' #a',
      '**#',
      '\\#a',
      '[#a](',
      '[a [[b]] ',
    ];
    for (const unit of units) {
      const note = unit.repeat(Math.ceil(200_000 / unit.length));
      // Nested quotes go past the reader's depth and are shown as typed ("- - -…" is a rule); the rest are read.
      expect(parseNote(note)?.type ?? 'too deep', unit).toBe(unit === '> ' ? 'too deep' : 'element');
    }
  });
});
