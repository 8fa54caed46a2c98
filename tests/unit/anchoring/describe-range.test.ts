// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { describeOffsets, describeRange } from '@/lib/anchoring/describe-range';
import { TextIndex } from '@/lib/anchoring/text-index';

const PAGE = `
  <main>
    <article>
      <p>Engineers warned that silt had been building up <em>faster than expected</em> since the storms.</p>
      <ul>
        <li>Phase one: the northern channel, this autumn.</li>
        <li>Phase two: the harbour mouth, next spring.</li>
      </ul>
    </article>
  </main>`;

describe('describeRange', () => {
  beforeEach(() => {
    document.body.innerHTML = PAGE;
  });

  it('stores the exact text, 32 characters of collapsed context on each side, position and element path', () => {
    const index = new TextIndex(document.body);
    const range = document.createRange();
    range.setStart(document.querySelector('em')!.firstChild!, 0);
    range.setEnd(document.querySelector('em')!.firstChild!, 'faster than'.length);
    const target = describeRange(index, range);
    expect(target.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'faster than',
      prefix: ' that silt had been building up ',
      suffix: ' expected since the storms. Phas',
    });
    expect(target.position).toEqual({
      type: 'TextPositionSelector',
      start: index.text.indexOf('faster'),
      end: index.text.indexOf('faster') + 11,
    });
    expect(target.element?.path).toBe('main:1/article:1/p:1');
  });

  it('keeps context whitespace collapsed, so indentation does not crowd out the words', () => {
    const index = new TextIndex(document.body);
    const start = index.text.indexOf('Phase two');
    const target = describeOffsets(index, start, start + 'Phase two'.length);
    expect(target.quote.prefix).toBe(' northern channel, this autumn. ');
    expect(target.quote.prefix).toHaveLength(32);
  });
  it('stores only the context there is at the edges of the page', () => {
    document.body.innerHTML = '<p>Short page.</p>';
    const target = describeOffsets(new TextIndex(document.body), 0, 5);
    expect(target.quote).toMatchObject({ exact: 'Short', prefix: '', suffix: ' page.' });
  });

  it('accepts boundaries given as element and child index, as a triple-click selection has', () => {
    const index = new TextIndex(document.body);
    const list = document.querySelector('ul')!;
    const range = document.createRange();
    range.setStart(list.querySelector('li')!, 0);
    range.setEnd(list, 2); // after the first <li> and the whitespace that follows it
    expect(describeRange(index, range).quote.exact.trim()).toBe('Phase one: the northern channel, this autumn.');
  });
});
