/**
 * The technique tagger's work is linear in the text: on a few megabytes of hostile text (every generator
 * of tests/support/hostile-text.ts, one after another, and the same as one line without a break) the
 * decoder asks for a fixed number of scores per token, and there are never more tokens than characters.
 * Counted, not timed: the count is the proof, whatever the machine's load.
 */
import { describe, expect, it } from 'vitest';
import type { EntityModelFile } from '@/lib/entities/model/entity-model';
import { cachedTokenScorer } from '@/lib/entities/model/techniques/cached-scorer';
import { taggerDocument } from '@/lib/entities/model/techniques/technique-features';
import { decodeTags, type TaggerOptions } from '@/lib/entities/model/techniques/technique-tagger';
import { techniqueTaggerWeights } from '@/lib/entities/model/techniques/technique-tagger-file';
import { techniqueVocabulary } from '@/lib/entities/model/techniques/technique-vocabulary';
import type { TokenScorer } from '@/lib/entities/model/techniques/token-scorer';
import { loadEntityData } from '@/lib/entities/shipped-data';
import { sampleOf, TEXT_GENERATORS } from '../../../../support/hostile-text';

const data = loadEntityData();
const file = (data.model as EntityModelFile).techniques!;
const weights = { names: file.features, weights: techniqueTaggerWeights(file) };
const vocabulary = techniqueVocabulary(data.techniques!);
const hostile = TEXT_GENERATORS.map((generator, i) => sampleOf(generator, i + 1)).join('\n');

function countedScorer(score: TokenScorer) {
  const calls = { token: 0, tag: 0 };
  const counted: TokenScorer = {
    token(doc, i, out) {
      calls.token++;
      score.token(doc, i, out);
    },
    tag(doc, i, previous, out) {
      calls.tag++;
      score.tag(doc, i, previous, out);
    },
  };
  return { counted, calls };
}

describe('the technique tagger on megabytes of hostile text', () => {
  it.each([
    ['lines, Viterbi', hostile, { decoder: 'viterbi', lines: 'all' }],
    ['one line, Viterbi', hostile.replaceAll('\n', ' '), { decoder: 'viterbi', lines: 'all' }],
    ['lines, greedy', hostile, { decoder: 'greedy', lines: 'all' }],
  ] as [string, string, TaggerOptions][])('%s: a fixed number of scores per token', (_, text, options) => {
    expect(text.length).toBeGreaterThan(2_000_000);
    const doc = taggerDocument(text, [], vocabulary);
    expect(doc.tokens.count).toBeLessThanOrEqual(text.length);
    const { counted, calls } = countedScorer(cachedTokenScorer(weights)(doc));
    const { tags } = decodeTags(doc, counted, options);
    expect(tags).toHaveLength(doc.tokens.count);
    // Viterbi: each token's own scores once, the tag-joined ones once per tag before it (START, or O, B, I).
    expect(calls.token).toBeLessThanOrEqual(doc.tokens.count);
    expect(calls.tag).toBeLessThanOrEqual(3 * doc.tokens.count);
  });
});
