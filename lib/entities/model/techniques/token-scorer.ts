/**
 * How the technique tagger scores a token's tags: from its features' weights (one row of TAGS.length per
 * feature). `tokenScorer` reads the feature strings themselves; `cached-scorer.ts` gives the same scores
 * faster and is what the tagger uses.
 */
import { tagFeatures, tokenFeatures, type TaggerDocument } from './technique-features';
import { TAGS } from './technique-tags';

/** Weights as the tagger uses them: one row of TAGS.length per feature. */
export interface TaggerWeights {
  names: readonly string[];
  weights: ArrayLike<number>;
}

/** The scores of the tags at a token, added into `scores` (length TAGS.length). */
export interface TokenScorer {
  /** From the token's own features. */
  token(doc: TaggerDocument, i: number, scores: Float64Array): void;
  /** From the features that join the tag before it (`previous`: a TAGS index or START). */
  tag(doc: TaggerDocument, i: number, previous: number, scores: Float64Array): void;
}

/** The scores from the feature strings themselves: the reference `cached-scorer.ts` is held to. */
export function tokenScorer({ names, weights }: TaggerWeights): TokenScorer {
  const ids = new Map<string, number>();
  names.forEach((name, k) => ids.set(name, k));
  const nTags = TAGS.length;
  const add = (features: readonly string[], scores: Float64Array) => {
    for (const f of features) {
      const id = ids.get(f);
      if (id === undefined) continue;
      for (let c = 0; c < nTags; c++) scores[c] += weights[id * nTags + c];
    }
  };
  return {
    token: (doc, i, scores) => add(tokenFeatures(doc, i), scores),
    tag: (doc, i, previous, scores) => add(tagFeatures(doc, i, previous), scores),
  };
}
