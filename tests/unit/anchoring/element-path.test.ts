// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  describeElementPath,
  elementPath,
  elementPathStart,
  isElementPath,
  MAX_ELEMENT_PATH,
  parseElementPathStep,
  resolveElementPath,
} from '@/lib/anchoring/element-path';
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

  it('keeps tag names that hold colons, as Word writes them, and finds the element again', () => {
    document.body.innerHTML = '<p>Met in <st1:place><st1:city>Reston</st1:city></st1:place> on Monday.</p>';
    const city = document.body.querySelector('p')!.firstElementChild!.firstElementChild!;
    expect(city.localName).toBe('st1:city');
    expect(elementPath(document.body, city)).toBe('p:1/st1:place:1/st1:city:1');
    expect(resolveElementPath(document.body, 'p:1/st1:place:1/st1:city:1')).toBe(city);
  });

  it('reads a step as name and number split at the last colon, numbers from 1 without leading zeros', () => {
    expect(parseElementPathStep('st1:place:12')).toEqual({ tag: 'st1:place', nth: 12 });
    expect(parseElementPathStep('p:1')).toEqual({ tag: 'p', nth: 1 });
    for (const bad of ['p', 'p:', ':1', 'p:0', 'p:01', 'p:1a', 'p:-1', 'p: 1', 'p:1e3', 'p:1234567890123456']) {
      expect(parseElementPathStep(bad), bad).toBeNull();
    }
    expect(isElementPath('')).toBe(true);
    expect(isElementPath('main:1/article:1/p:4')).toBe(true);
    expect(isElementPath('main:1//p:4')).toBe(false);
    expect(isElementPath('main:1/')).toBe(false);
    expect(isElementPath('../<script>')).toBe(false);
  });

  it('gives no element hint when the path would be longer than a record may keep', () => {
    document.body.innerHTML = `${'<div>'.repeat(400)}Deep text${'</div>'.repeat(400)}`;
    const index = new TextIndex(document.body);
    expect(elementPath(document.body, document.body.querySelectorAll('div')[399])!.length).toBeGreaterThan(MAX_ELEMENT_PATH);
    expect(describeElementPath(index, 0, 4)).toBeUndefined();
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
