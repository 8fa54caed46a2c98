import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/article/extract-article';
import { FIXTURES_DIR } from '../../../harness/paths';
import { fixtureDocument } from '../../support/load-html';

const URL = 'http://127.0.0.1/storm-1152.html';
const golden = JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'golden', 'storm-1152.json'), 'utf8'));

/** Text of every boilerplate block of the sample page: teasers, sidebar, cookie banner, footer, site header. */
function boilerplateSnippets(): string[] {
  const doc = fixtureDocument('storm-1152.html', URL);
  const blocks = doc.querySelectorAll('section.related, aside.sidebar, .cookie, footer, header.site');
  return Array.from(blocks).flatMap((block) =>
    Array.from(block.querySelectorAll('h2, h3, p, li, a, div'))
      .map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim())
      .filter((text) => text.length >= 6),
  );
}

describe('the sample article (storm-1152.html)', () => {
  const result = extractArticle(fixtureDocument('storm-1152.html', URL), URL);

  it('matches the golden metadata and outline', () => {
    expect({
      kind: result.kind,
      metadata: result.metadata,
      outline: result.outline.map(({ level, text }) => ({ level, text })),
    }).toEqual(golden);
  });

  it('has exactly the eight h2 sections, in order', () => {
    expect(result.outline.map((item) => item.level)).toEqual(Array(8).fill(2));
    expect(result.outline[0].text).toBe('Overview of Storm-1152’s fraudulent activities');
    expect(result.outline[7].text).toBe('Microsoft’s broader strategy and partnerships');
  });

  it('maps every outline entry onto a live heading', () => {
    expect(result.outline.every((item) => item.liveIndex !== null)).toBe(true);
  });

  it('keeps every piece of boilerplate out of the outline and the text', () => {
    const snippets = boilerplateSnippets();
    expect(snippets.length).toBeGreaterThan(20);
    const outlineText = result.outline.map((item) => item.text);
    for (const snippet of snippets) {
      expect(result.textContent).not.toContain(snippet);
      expect(outlineText).not.toContain(snippet);
    }
  });

  it('estimates the reading time from the article text', () => {
    expect(result.readingTime.words).toBeGreaterThan(500);
    expect(result.readingTime.minutes).toBeGreaterThanOrEqual(2);
  });
});
