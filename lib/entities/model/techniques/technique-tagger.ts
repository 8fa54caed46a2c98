/**
 * The technique tagger: tags every token of a text `O`, `B` or `I` (technique-tags.ts) left to right, each
 * decision an averaged perceptron's over the token's features and the tag decided before it (greedy
 * decoding: one pass, linear in the text). Its mentions are the runs of a `B` and the `I`s after it, each
 * with the model's confidence (the least sure of its tokens' decisions, a softmax over the tag scores).
 */
import type { Entity } from '../../types';
import { taggerDocument, tagFeatures, tokenFeatures, type TaggerDocument } from './technique-features';
import { B, I, O, START, TAGS } from './technique-tags';
import { softmaxAt, tokenLines, viterbiLine } from './viterbi';

/**
 * - `greedy`: left to right, each token's tag decided given the one decided before it;
 * - `viterbi`: each line's best tag sequence under the same scores (a structured perceptron in training).
 */
export type Decoder = 'greedy' | 'viterbi';

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
export interface TokenScorer {
  token(doc: TaggerDocument, i: number, scores: Float64Array): void;
  tag(doc: TaggerDocument, i: number, previous: number, scores: Float64Array): void;
}

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

/** Viterbi decoding of every line (`viterbi.ts`). */
export function decodeLines(doc: TaggerDocument, score: TokenScorer): { tags: Uint8Array; confidence: Float64Array } {
  const n = doc.tokens.count;
  const tags = new Uint8Array(n);
  const confidence = new Float64Array(n);
  const lines = tokenLines(doc.tokens.lineStart, n);
  const local = { token: (i: number, out: Float64Array) => score.token(doc, i, out), tag: (i: number, p: number, out: Float64Array) => score.tag(doc, i, p, out) };
  for (let k = 0; k + 1 < lines.length; k++) viterbiLine(lines[k], lines[k + 1], local, tags, confidence);
  return { tags, confidence };
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
    score.token(doc, i, scores);
    score.tag(doc, i, previous, scores);
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

export function techniqueTagger(weights: TaggerWeights, vocabulary: ReadonlySet<string>, decoder: Decoder = 'greedy'): TechniqueTagger {
  const score = tokenScorer(weights);
  return {
    findSpans(text, ruleEntities) {
      const doc = taggerDocument(text, ruleEntities, vocabulary);
      const { tags, confidence } = decoder === 'viterbi' ? decodeLines(doc, score) : decodeTags(doc, score);
      return spansOfTags(doc, tags, confidence);
    },
  };
}
