// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { anchorAll, anchorTarget } from '@/lib/anchoring/anchor';
import { describeOffsets, describeRange } from '@/lib/anchoring/describe-range';
import { TextIndex } from '@/lib/anchoring/text-index';
import type { AnchorResult, AnnotationTarget } from '@/lib/anchoring/types';

const PAGE = `
  <main>
    <article>
      <h1>River authority approves dredging plan</h1>
      <p>The harbour authority met on Tuesday to discuss the dredging of the <a href="/channel">northern channel</a>.</p>
      <p>Engineers warned that silt had been building up <em>faster than expected</em> since the storms.</p>
      <ul>
        <li>Phase one: the northern channel, this autumn.</li>
        <li>Phase two: the harbour mouth, next spring.</li>
      </ul>
      <p>The committee approved a budget of four million pounds for the first phase.</p>
    </article>
  </main>`;

function describeText(index: TextIndex, wanted: string): AnnotationTarget {
  const start = index.text.indexOf(wanted);
  return describeOffsets(index, start, start + wanted.length);
}

function anchoredText(index: TextIndex, result: AnchorResult): string | null {
  return result.status === 'anchored' ? index.rangeFor(result.start, result.end).toString() : null;
}

describe('anchorTarget', () => {
  beforeEach(() => {
    document.body.innerHTML = PAGE;
  });

  it('round-trips describeRange on the same page to identical text, for ranges of every shape', () => {
    const index = new TextIndex(document.body);
    const spans: Array<[string, string]> = [
      ['harbour', 'authority'], // inside one text node
      ['of the northern', 'channel.'], // into and out of a link
      ['channel.', 'Engineers'], // across paragraphs, with the whitespace between them
      ['faster', 'since'], // out of emphasis
      ['this autumn', 'Phase two'], // across list items
      ['River', 'dredging plan'], // the very first text
    ];
    for (const [from, to] of spans) {
      const start = index.text.indexOf(from);
      const end = index.text.indexOf(to, start) + to.length;
      const target = describeRange(index, index.rangeFor(start, end));
      const result = anchorTarget(new TextIndex(document.body), target);
      expect(result).toMatchObject({ status: 'anchored', method: 'position', start, end });
      expect(anchoredText(index, result)).toBe(index.text.slice(start, end));
    }
  });

  it('uses the element path when text was added above the highlight', () => {
    const target = describeText(new TextIndex(document.body), 'building up faster');
    document.querySelector('h1')!.textContent = 'Breaking: river authority approves a much larger dredging plan';
    const index = new TextIndex(document.body);
    const result = anchorTarget(index, target);
    expect(result).toMatchObject({ status: 'anchored', method: 'element' });
    expect(anchoredText(index, result)).toBe('building up faster');
  });

  it('finds the exact quote when the structure changed too', () => {
    const target = describeText(new TextIndex(document.body), 'four million pounds');
    document.querySelector('ul')!.remove();
    const section = document.createElement('section');
    const article = document.querySelector('article')!;
    section.append(...article.childNodes);
    article.replaceWith(section);
    document.querySelector('main')!.insertAdjacentHTML('afterbegin', '<div class="ad"><p>Sponsored content here.</p></div>');
    const index = new TextIndex(document.body);
    const result = anchorTarget(index, target);
    expect(result).toMatchObject({ status: 'anchored', method: 'exact' });
    expect(anchoredText(index, result)).toBe('four million pounds');
  });

  it('anchors fuzzily to edited text, and the range covers the new words', () => {
    const target = describeText(new TextIndex(document.body), 'The committee approved a budget of four million pounds');
    const paragraph = document.querySelectorAll('p')[2];
    paragraph.textContent = paragraph.textContent!.replace('four', 'fourteen');
    const index = new TextIndex(document.body);
    const result = anchorTarget(index, target);
    expect(result).toMatchObject({ status: 'anchored', method: 'fuzzy' });
    expect(anchoredText(index, result)).toBe('The committee approved a budget of fourteen million pounds');
  });

  it('survives reformatted whitespace and markup inside the passage', () => {
    const target = describeText(new TextIndex(document.body), 'silt had been building up faster than expected');
    const paragraph = document.querySelectorAll('p')[1];
    paragraph.innerHTML = 'Engineers warned that silt\n      had&nbsp;been <b>building up</b>\n faster than expected since the storms.';
    const index = new TextIndex(document.body);
    const result = anchorTarget(index, target);
    expect(result).toMatchObject({ status: 'anchored', method: 'exact' });
    expect(anchoredText(index, result)!.replace(/\s+/g, ' ')).toBe('silt had been building up faster than expected');
  });

  it('orphans a deleted passage and reports how close the best candidate came', () => {
    const target = describeText(new TextIndex(document.body), 'Engineers warned that silt had been building up');
    document.querySelectorAll('p')[1].remove();
    const result = anchorTarget(new TextIndex(document.body), target);
    expect(result.status).toBe('orphan');
    expect(result.status === 'orphan' && result.bestScore).toBeLessThan(0.7);
  });

  it('does not accept the stored position when the text there is the same but its context is not', () => {
    document.body.innerHTML = '<p>Members of the group voted. Critics of the plan left early.</p>';
    const target = describeText(new TextIndex(document.body), 'the group');
    document.body.innerHTML = '<p>Critics of the group argued. None of them stayed for lunch.</p>';
    const index = new TextIndex(document.body);
    expect(index.text.slice(target.position.start, target.position.end)).toBe('the group');
    expect(anchorTarget(index, target).status).toBe('orphan');
  });
});

describe('anchorAll', () => {
  it('anchors many highlights against one index, in order', () => {
    document.body.innerHTML = PAGE;
    const index = new TextIndex(document.body);
    const texts = ['harbour authority', 'silt', 'Phase two', 'first phase'];
    const results = anchorAll(
      index,
      texts.map((text) => describeText(index, text)),
    );
    expect(results.map((result) => anchoredText(index, result))).toEqual(texts);
  });
});
