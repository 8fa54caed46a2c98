/**
 * The technique tagger: tags every token of a text `O`, `B` or `I` (technique-tags.ts) left to right, each
 * decision an averaged perceptron's over the token's features and the tag decided before it (greedy
 * decoding: one pass, linear in the text). Its mentions are the runs of a `B` and the `I`s after it, each
 * with the model's confidence (the least sure of its tokens' decisions, a softmax over the tag scores).
 */
import type { Entity } from '../../types';
import { taggerDocument, tagFeatures, tokenFeatures, type TaggerDocument } from './technique-features';
import { B, I, O, START, TAGS } from './technique-tags';

export interface TechniqueSpan {
  start: number;
  end: number;
  /** The least sure of the span's token decisions (softmax of the tag scores). */
  confidence: number;
}

/** Weights as the tagger uses them: one row of TAGS.length per feature. */
export interface TaggerWeights {
  names: readonly string[];
  weights: ArrayLike<number>;
}

export interface TechniqueTagger {
  /** The technique mentions in `text`, given what the rules found there. */
  findSpans(text: string, ruleEntities: readonly Entity[]): TechniqueSpan[];
}

/** Scores of the tags at one token, added into `scores` (length TAGS.length). */
export type TokenScorer = (doc: TaggerDocument, i: number, previous: number, scores: Float64Array) => void;

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
  return (doc, i, previous, scores) => {
    add(tokenFeatures(doc, i), scores);
    add(tagFeatures(doc, i, previous), scores);
  };
}

/** Greedy left-to-right decoding of every token's tag; an `I` right after an `O` starts a mention. */
export function decodeTags(doc: TaggerDocument, score: TokenScorer): { tags: Uint8Array; confidence: Float64Array } {
  const n = doc.tokens.count;
  const tags = new Uint8Array(n);
  const confidence = new Float64Array(n);
  const scores = new Float64Array(TAGS.length);
  let previous = START;
  for (let i = 0; i < n; i++) {
    scores.fill(0);
    score(doc, i, previous, scores);
    let best = O;
    for (let c = 1; c < TAGS.length; c++) if (scores[c] > scores[best]) best = c;
    confidence[i] = softmaxAt(scores, best);
    if (best === I && (previous === O || previous === START)) best = B;
    tags[i] = best;
    previous = best;
  }
  return { tags, confidence };
}

/** The mentions the tags mark: a `B` and the `I`s after it. */
export function spansOfTags(doc: TaggerDocument, tags: Uint8Array, confidence: Float64Array): TechniqueSpan[] {
  const spans: TechniqueSpan[] = [];
  const { starts, ends, count } = doc.tokens;
  for (let i = 0; i < count; i++) {
    if (tags[i] !== B) continue;
    let last = i;
    let sure = confidence[i];
    while (last + 1 < count && tags[last + 1] === I) {
      last++;
      sure = Math.min(sure, confidence[last]);
    }
    spans.push({ start: starts[i], end: ends[last], confidence: sure });
    i = last;
  }
  return spans;
}

export function techniqueTagger(weights: TaggerWeights, vocabulary: ReadonlySet<string>): TechniqueTagger {
  const score = tokenScorer(weights);
  return {
    findSpans(text, ruleEntities) {
      const doc = taggerDocument(text, ruleEntities, vocabulary);
      const { tags, confidence } = decodeTags(doc, score);
      return spansOfTags(doc, tags, confidence);
    },
  };
}

function softmaxAt(scores: Float64Array, best: number): number {
  let max = -Infinity;
  for (const s of scores) max = Math.max(max, s);
  let sum = 0;
  for (const s of scores) sum += Math.exp(s - max);
  return Math.exp(scores[best] - max) / sum;
}
