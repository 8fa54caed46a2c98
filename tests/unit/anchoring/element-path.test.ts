// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { describeElementPath, elementPath, elementPathStart, resolveElementPath } from '@/lib/anchoring/element-path';
import { TextIndex } from '@/lib/anchoring/text-index';

const PAGE = [
  '<header><p>Site name</p></header>',
  '<main><article>',
  '<h2>Heading</h2><p>One.</p><div>Aside</div><p>Two has <a href="#">a <em>link</em></a> in it.</p><p>Three.</p>',
  '</article></main>',
].join('');

describe('element paths', () => {
  beforeEach(() => {
    document.body.innerHTML = PAGE;
  });

  it('counts steps as tag:nth-of-type from the root', () => {
    const third = document.querySelectorAll('article p')[2];
    expect(elementPath(document.body, third)).toBe('main:1/article:1/p:3');
    expect(elementPath(document.body, document.querySelector('header p')!)).toBe('header:1/p:1');
  });

  it('resolves a path back to the same element', () => {
    for (const element of document.body.querySelectorAll('*')) {
      expect(resolveElementPath(document.body, elementPath(document.body, element)!)).toBe(element);
    }
  });

  it('resolves to null when the element is gone or the path is malformed', () => {
    expect(resolveElementPath(document.body, 'main:1/article:1/p:9')).toBeNull();
    expect(resolveElementPath(document.body, 'main:1/section:1')).toBeNull();
    expect(resolveElementPath(document.body, 'main/article')).toBeNull();
    expect(resolveElementPath(document.body, '')).toBe(document.body);
  });

  it('is null for an element outside the root', () => {
    const outside = document.createElement('p');
    expect(elementPath(document.body, outside)).toBeNull();
  });

  it('describes a range by its nearest block element, skipping links and emphasis', () => {
    const index = new TextIndex(document.body);
    const start = index.text.indexOf('link in');
    const selector = describeElementPath(index, start, start + 'link in'.length)!;
    expect(selector).toEqual({
      type: 'gloss:ElementPathSelector',
      path: 'main:1/article:1/p:2',
      start: 'Two has a '.length,
      end: 'Two has a link in'.length,
    });
    expect(elementPathStart(index, selector)).toBe(start);
  });

  it('still finds its offsets after text is added elsewhere in the page', () => {
    const index = new TextIndex(document.body);
    const start = index.text.indexOf('Three');
    const selector = describeElementPath(index, start, start + 5)!;
    document.querySelector('header p')!.textContent = 'A much longer site name than before';
    const changed = new TextIndex(document.body);
    expect(changed.text.slice(elementPathStart(changed, selector)!, elementPathStart(changed, selector)! + 5)).toBe('Three');
  });
});
