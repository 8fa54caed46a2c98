import { describe, expect, it } from 'vitest';
import { inProse } from '@/lib/entities/lower-case-mentions';
import type { Span } from '@/lib/entities/group-entities';

/** The span of the first `name` in `text`, as the candidates give it. */
const spanOf = (text: string, name: string): Span => {
  const start = text.indexOf(name);
  return { start, end: start + name.length, text: name, actorIds: [], softwareIds: [0], weak: false, lowerListed: false, dictionary: true };
};

describe('inProse', () => {
  it('is a word of a sentence, wherever punctuation closes it', () => {
    for (const text of ['It runs through socat.', 'It ran socat, then left.', '(socat)', '“socat” ran'])
      expect(inProse(text, spanOf(text, 'socat'))).toBe(true);
  });
  it('is no part of a path, an address, a file name or an identifier', () => {
    for (const text of ['/files/socat/x', 'see socat.zip', 'rule socat_strings', 'x-socat', 'a@socat', 'https://x.com/?q=socat'])
      expect(inProse(text, spanOf(text, 'socat'))).toBe(false);
  });
});
