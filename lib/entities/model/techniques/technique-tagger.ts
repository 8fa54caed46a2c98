/**
 * The technique tagger: tags the tokens of a text `O`, `B` or `I` (technique-tags.ts), one line at a time
 * (no technique mention crosses a line), each line's tags the best sequence under an averaged perceptron's
 * scores (`viterbi`), or decided left to right given the tag before (`greedy`). Its mentions are the runs
 * of a `B` and the `I`s after it, each with the model's confidence (the least sure of its tokens'
 * decisions, a softmax over the tag scores). With `lines: 'free'` it tags only the lines that are no table
 * line (`TaggerDocument.tableLine`), which stay the rules'. Linear in the text: a fixed number of features
 * per token, a fixed number of tags.
 */
import type { Entity } from '../../types';
import { taggerDocument, type TaggerDocument } from './technique-features';
import type { TaggerWeights, TokenScorer } from './token-scorer';
import { B, I, O, START, TAGS } from './technique-tags';
import { viterbiLine, type LocalScores } from './viterbi';
import { softmaxAt } from '../calibration';
import { cachedTokenScorer } from './cached-scorer';

/**
 * - `greedy`: left to right, each token's tag decided given the one decided before it;
 * - `viterbi`: each line's best tag sequence (a structured perceptron in training).
 */
export type Decoder = 'greedy' | 'viterbi';
/** Which lines the tagger decides: every line, or only those that are no table line. */
export type TaggedLines = 'all' | 'free';

export interface TaggerOptions {
  decoder: Decoder;
  lines: TaggedLines;
}

export interface TechniqueSpan {
  start: number;
  end: number;
  /** The least sure of the span's token decisions (softmax of the tag scores). */
  confidence: number;
}

/** What the tagger found in a text. */
export interface TaggedText {
  spans: TechniqueSpan[];
  /** The text's table lines (character ranges, in order), which the tagger leaves to the rules with `lines: 'free'`. */
  tableLines: { start: number; end: number }[];
}

export interface TechniqueTagger {
  options: TaggerOptions;
  /** The technique mentions in `text`, given what the rules found there. */
  findSpans(text: string, ruleEntities: readonly Entity[]): TaggedText;
}

/** Greedy decoding of tokens `from`..`to`−1 (one line); an `I` right after an `O` starts a mention. */
export function decodeGreedy(from: number, to: number, local: LocalScores, tags: Uint8Array, confidence?: Float64Array): void {
  const scores = new Float64Array(TAGS.length);
  let previous = START;
  for (let i = from; i < to; i++) {
    scores.fill(0);
    local.token(i, scores);
    local.tag(i, previous, scores);
    let best = O;
    for (let c = 1; c < TAGS.length; c++) if (scores[c] > scores[best]) best = c;
    if (confidence) confidence[i] = softmaxAt(scores, best);
    if (best === I && (previous === O || previous === START)) best = B;
    tags[i] = best;
    previous = best;
  }
}

/** Every tag of the lines the options say, by their decoder; tokens of other lines stay `O`. */
export function decodeTags(
  doc: TaggerDocument,
  score: TokenScorer,
  options: TaggerOptions,
): { tags: Uint8Array; confidence: Float64Array } {
  const n = doc.tokens.count;
  const tags = new Uint8Array(n);
  const confidence = new Float64Array(n);
  const local: LocalScores = {
    token: (i, out) => score.token(doc, i, out),
    tag: (i, previous, out) => score.tag(doc, i, previous, out),
  };
  const decode = options.decoder === 'viterbi' ? viterbiLine : decodeGreedy;
  const { lines, tableLine } = doc;
  for (let k = 0; k + 1 < lines.length; k++) {
    if (options.lines === 'free' && tableLine[k]) continue;
    decode(lines[k], lines[k + 1], local, tags, confidence);
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

/** The character ranges of a document's table lines. */
function tableLineRanges(doc: TaggerDocument): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  const { lines, tableLine, tokens } = doc;
  for (let k = 0; k + 1 < lines.length; k++)
    if (tableLine[k] && lines[k + 1] > lines[k]) ranges.push({ start: tokens.starts[lines[k]], end: tokens.ends[lines[k + 1] - 1] });
  return ranges;
}

export function techniqueTagger(weights: TaggerWeights, vocabulary: ReadonlySet<string>, options: TaggerOptions): TechniqueTagger {
  const scorer = cachedTokenScorer(weights);
  return {
    options,
    findSpans(text, ruleEntities) {
      const doc = taggerDocument(text, ruleEntities, vocabulary);
      const { tags, confidence } = decodeTags(doc, scorer(doc), options);
      return { spans: spansOfTags(doc, tags, confidence), tableLines: tableLineRanges(doc) };
    },
  };
}
