// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { TextIndex } from '@/lib/anchoring/text-index';

function page(html: string): TextIndex {
  document.body.innerHTML = html;
  return new TextIndex(document.body);
}

/** The text node whose data is exactly `data`. */
function textNode(data: string): Text {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node as Text).data === data) return node as Text;
  throw new Error(`no text node ${data}`);
}

const ARTICLE = [
  '<h1>Title</h1>',
  '<p>First <a href="#">linked</a> paragraph with <em>some <strong>nested</strong> emphasis</em>.</p>',
  '<script>var hidden = "script text";</script>',
  '<p>Second paragraph.</p>',
  '<ul><li>Item one</li><li>Item two</li></ul>',
].join('');

describe('TextIndex', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('concatenates the text nodes under the root in document order', () => {
    expect(page(ARTICLE).text).toBe('TitleFirst linked paragraph with some nested emphasis.Second paragraph.Item oneItem two');
  });

  it('skips script, style, noscript, template and Gloss UI', () => {
    const index = page(
      [
        '<p>kept one</p><script>s()</script><style>p{}</style><noscript>enable js</noscript>',
        '<template><p>inert</p></template><div data-gloss-ui=""><button>Save highlight</button></div><p>kept two</p>',
      ].join(''),
    );
    expect(index.text).toBe('kept onekept two');
  });

  describe('offsetOf', () => {
    it('counts characters in text nodes', () => {
      const index = page(ARTICLE);
      expect(index.offsetOf(textNode('linked'), 0)).toBe('TitleFirst '.length);
      expect(index.offsetOf(textNode('linked'), 3)).toBe('TitleFirst lin'.length);
    });

    it('counts child nodes when the container is an element', () => {
      const index = page(ARTICLE);
      const firstParagraph = document.querySelector('p')!;
      expect(index.offsetOf(firstParagraph, 0)).toBe('Title'.length);
      expect(index.offsetOf(firstParagraph, 1)).toBe('TitleFirst '.length); // before the link
      expect(index.offsetOf(firstParagraph, firstParagraph.childNodes.length)).toBe(index.text.indexOf('Second'));
      expect(index.offsetOf(document.body, document.body.childNodes.length)).toBe(index.text.length);
    });

    it('puts any point inside a skipped element where that element sits', () => {
      const index = page(ARTICLE);
      const script = document.querySelector('script')!;
      const second = index.text.indexOf('Second');
      expect(index.offsetOf(script.firstChild!, 4)).toBe(second);
      expect(index.offsetOf(script, 0)).toBe(second);
      expect(index.offsetOf(script, 1)).toBe(second);
    });

    it('handles empty elements and empty text nodes', () => {
      const index = page('<p>before</p><p></p><p>after</p>');
      document.querySelectorAll('p')[1].appendChild(document.createTextNode(''));
      expect(index.offsetOf(document.querySelectorAll('p')[1], 0)).toBe('before'.length);
      expect(index.offsetOf(document.querySelectorAll('p')[1].firstChild!, 0)).toBe('before'.length);
    });
  });

  describe('rangeFor', () => {
    const cases: Array<[string, string]> = [
      ['within one text node', 'paragraph with'],
      ['across a link', 'First linked paragraph'],
      ['across nested inline formatting', 'some nested emphasis.'],
      ['across paragraphs (and a skipped script)', 'emphasis.Second'],
      ['across list items', 'one' + 'Item two'],
      ['from the first character', 'TitleFirst'],
      ['to the last character', 'Item two'],
    ];

    it.each(cases)('%s', (_, wanted) => {
      const index = page(ARTICLE);
      const start = index.text.indexOf(wanted);
      const range = index.rangeFor(start, start + wanted.length);
      // A DOM range's own toString() includes the script it spans; the index does not count it.
      expect(range.toString().replace('var hidden = "script text";', '')).toBe(wanted);
      expect(index.offsetOf(range.startContainer, range.startOffset)).toBe(start);
      expect(index.offsetOf(range.endContainer, range.endOffset)).toBe(start + wanted.length);
    });

    it('ends inside the node holding the last character, not at the start of the next node', () => {
      const index = page('<p>alpha</p><p>beta</p>');
      const range = index.rangeFor(0, 5);
      expect(range.endContainer).toBe(textNode('alpha'));
      expect(range.endOffset).toBe(5);
    });

    it('starts in the node holding the first character, not at the end of the previous one', () => {
      const index = page('<p>alpha</p><p>beta</p>');
      const range = index.rangeFor(5, 9);
      expect(range.startContainer).toBe(textNode('beta'));
      expect(range.startOffset).toBe(0);
    });

    it('gives a collapsed range for an empty span and clamps offsets outside the text', () => {
      const index = page('<p>alpha</p><p>beta</p>');
      expect(index.rangeFor(3, 3).collapsed).toBe(true);
      expect(index.rangeFor(-5, 100).toString()).toBe('alphabeta');
    });
  });

  it('finds the node holding an offset by binary search, on many nodes', () => {
    const index = page(Array.from({ length: 2000 }, (_, i) => `<span>n${i};</span>`).join(''));
    const start = index.text.indexOf('n1234;');
    expect(index.nodeAt(start)!.data).toBe('n1234;');
    expect(index.nodeAt(start + 5)!.data).toBe('n1234;');
    expect(index.nodeAt(index.text.length)).toBeNull();
  });
});
