import { describe, expect, it } from 'vitest';
import { buildLibraryIndex } from '@/lib/library/library-index';
import { TAG_MARK } from '@/lib/library/query';
import { annotationsWith, buildSearchCorpus, pagesWith } from '@/lib/library/search-corpus';
import type { AnnotationRecord } from '@/lib/storage/records';
import { generateLibrary } from '../../../bench/runners/library-data';

const data = generateLibrary({ pages: 30, annotations: 300, seed: 3 });
const NEEDLES = ['spider', 'the', 'scattered spider', `${TAG_MARK}phish`, 'zzzz', 'https', 'a'];

describe('the search corpus', () => {
  it('finds the same records however its text is cut into chunks', () => {
    const index = buildLibraryIndex(data.pages, data.annotations);
    const whole = buildSearchCorpus(index);
    expect(whole.highlights.chunks).toHaveLength(1);
    for (const chunkChars of [1, 500, 20_000]) {
      const chunked = buildSearchCorpus(index, chunkChars);
      expect(chunked.highlights.chunks.length).toBeGreaterThan(1);
      for (const needle of NEEDLES) {
        const pages = pagesWith(whole, needle);
        expect(pagesWith(chunked, needle), needle).toEqual(pages);
        const all = annotationsWith(whole, index, needle, null, pages);
        expect(annotationsWith(chunked, index, needle, null, pages), needle).toEqual(all);
        const someCandidates = Int32Array.from({ length: 150 }, (_, i) => i * 2);
        expect(annotationsWith(chunked, index, needle, someCandidates, pages), needle).toEqual(
          annotationsWith(whole, index, needle, someCandidates, pages),
        );
      }
    }
  });

  it('keeps record boundaries when record text holds the separators itself', () => {
    const [first, second] = data.annotations;
    const hostile: AnnotationRecord[] = [
      { ...first, note: 'ends early\u0000 then more' },
      { ...second, target: { ...second.target, quote: { ...second.target.quote, exact: 'fake \u0002tag' } } },
    ];
    const index = buildLibraryIndex(data.pages, hostile);
    for (const chunkChars of [1, 1 << 20]) {
      const corpus = buildSearchCorpus(index, chunkChars);
      const noPages = new Uint8Array(index.pages.length);
      const found = (needle: string) =>
        Array.from(annotationsWith(corpus, index, needle, null, noPages), (s) => index.annotations[corpus.displayIndex[s]].id);
      expect(found('then more')).toEqual([first.id]);
      expect(found(`${TAG_MARK}tag`)).toEqual([]);
      expect(found('fake')).toEqual([second.id]);
    }
  });
});
