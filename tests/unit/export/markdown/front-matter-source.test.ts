import { describe, expect, it } from 'vitest';
import { frontMatterSource } from '@/lib/export/markdown/front-matter-source';

const URL = 'https://news.example/storm-1152?id=1#top';

describe('frontMatterSource', () => {
  it.each([
    ['as Gloss writes it', `---\ntitle: "x"\nsource: "${URL}"\n---\nbody`],
    ['with JSON escapes', `---\nsource: "https:\\/\\/news.example\\/storm-1152?id=1#top"\n---\n`],
    ['plain, as Obsidian’s properties editor writes it', `---\ntitle: x\nsource: ${URL}\n---\n`],
    ['single-quoted', `---\nsource: '${URL}'\n---\n`],
    ['with a comment after a plain value', `---\nsource: ${URL} # where I read it\n---\n`],
    ['after a byte order mark, with CRLF', `\ufeff---\r\ntags:\r\n  - a\r\nsource: "${URL}"\r\n---\r\n`],
    ['in a head cut before the closing fence', `---\nsource: "${URL}"\ntitle: "long`],
  ])('reads the source %s', (_what, head) => {
    expect(frontMatterSource(head)).toBe(URL);
  });

  it.each([
    ['no front matter', `source: "${URL}"\n`],
    ['a source after the front matter', `---\ntitle: x\n---\nsource: "${URL}"\n`],
    ['an indented source (inside another key)', `---\nlinks:\n  source: "${URL}"\n---\n`],
    ['an empty source', '---\nsource:\n---\n'],
    ['front matter not at the start', `\n---\nsource: "${URL}"\n---\n`],
  ])('finds none with %s', (_what, head) => {
    expect(frontMatterSource(head)).toBeNull();
  });

  it('reads the single-quoted escape of a quote', () => {
    expect(frontMatterSource("---\nsource: 'https://a.example/it''s'\n---\n")).toBe("https://a.example/it's");
  });
});
