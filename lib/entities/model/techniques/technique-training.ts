/**
 * Training the technique tagger from labelled reports (AnnoCTR's TECHNIQUE spans): every token is tagged
 * `B` (the first token a span touches), `I` (its later tokens) or `O`; an averaged perceptron learns the
 * tags decoding as it will be used, a line at a time: with `viterbi`, each line decoded whole and the
 * weights moved towards the gold path and away from the decoded one where they differ (Collins' structured
 * perceptron); with `greedy`, each token given the tag it decided itself before it (so it learns to
 * recover from its own mistakes). With `lines: 'free'` only the lines that are no table line are learnt
 * from, as only those are tagged. Features seen fewer than `minCount` times are left out: they would only
 * remember the training text, and they keep the shipped file small (by CV, techniques' exact F1 0.555 with
 * features seen 3+ times, 180 KB; 0.552 at 5+; 0.551 at 10+, 116 KB; 0.551 at 20+, 74 KB). Lines are visited in an order
 * shuffled by the seed: the same data and seed give the same weights.
 */
import type { Entity } from '../../types';
import { FeatureIndex, seededRandom, shuffled } from '../perceptron';
import type { LabelledReport } from '../training';
import { taggerDocument, tagFeatures, tokenFeatures } from './technique-features';
import type { TaggerOptions } from './technique-tagger';
import { B, I, START, TAGS } from './technique-tags';
import { viterbiLine, type LocalScores } from './viterbi';

export interface TaggerSettings extends TaggerOptions {
  epochs: number;
  seed: number;
  /** Features seen fewer times than this in training are left out. */
  minCount: number;
}

export const DEFAULT_TAGGER_SETTINGS: TaggerSettings = { epochs: 10, seed: 13, minCount: 20, decoder: 'viterbi', lines: 'free' };

/** AnnoCTR's type for techniques. */
const GOLD_TYPE = 'TECHNIQUE';

const N = TAGS.length;
/** How many features `tagFeatures` gives. */
const TAG_FEATURES = 5;

interface Sequence {
  /** Static feature ids per token: `features[offsets[i]..offsets[i+1]]`. */
  features: Int32Array;
  offsets: Int32Array;
  /** Per token and tag before it (N + 1 of them, START last): the ids of `tagFeatures`. */
  tagFeatureIds: Int32Array;
  gold: Uint8Array;
}

/** The gold tag of each token: B for the first token a technique span touches, I for the rest. */
export function goldTags(
  tokens: { starts: Int32Array; ends: Int32Array; count: number },
  spans: readonly { start: number; end: number }[],
): Uint8Array {
  const { starts, ends, count } = tokens;
  const tags = new Uint8Array(count);
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let t = 0;
  for (const span of sorted) {
    while (t < count && ends[t] <= span.start) t++;
    for (let k = t; k < count && starts[k] < span.end; k++) tags[k] = k === t ? B : I;
  }
  return tags;
}

export function trainTechniqueTagger<R extends LabelledReport>(
  reports: readonly R[],
  rulesOf: (report: R) => readonly Entity[],
  vocabulary: ReadonlySet<string>,
  settings: TaggerSettings = DEFAULT_TAGGER_SETTINGS,
): { names: string[]; weights: Float64Array } {
  const index = new FeatureIndex();
  const counts: number[] = [];
  const count = (ids: ArrayLike<number>) => {
    for (let k = 0; k < ids.length; k++) counts[ids[k]] = (counts[ids[k]] ?? 0) + 1;
  };
  const lines: { seq: Sequence; from: number; to: number }[] = [];
  for (const report of reports) {
    const doc = taggerDocument(report.text, rulesOf(report), vocabulary);
    const n = doc.tokens.count;
    const parts: Int32Array[] = [];
    const offsets = new Int32Array(n + 1);
    const tagFeatureIds = new Int32Array(n * (N + 1) * TAG_FEATURES);
    const gold = goldTags(
      doc.tokens,
      report.mentions.filter((m) => m.type === GOLD_TYPE),
    );
    const seq: Sequence = { features: new Int32Array(0), offsets, tagFeatureIds, gold };
    let total = 0;
    for (let k = 0; k + 1 < doc.lines.length; k++) {
      const learnt = settings.lines === 'all' || !doc.tableLine[k];
      if (learnt) lines.push({ seq, from: doc.lines[k], to: doc.lines[k + 1] });
      for (let i = doc.lines[k]; i < doc.lines[k + 1]; i++) {
        const ids = learnt ? index.intern(tokenFeatures(doc, i)) : new Int32Array(0);
        parts.push(ids);
        total += ids.length;
        offsets[i + 1] = total;
        if (!learnt) continue;
        count(ids);
        for (let previous = 0; previous <= N; previous++)
          tagFeatureIds.set(index.intern(tagFeatures(doc, i, previous)), (i * (N + 1) + previous) * TAG_FEATURES);
        // Tag features count as often as the gold path uses them.
        const previous = i === doc.lines[k] ? START : gold[i - 1];
        count(tagFeatureIds.subarray((i * (N + 1) + previous) * TAG_FEATURES, (i * (N + 1) + previous + 1) * TAG_FEATURES));
      }
    }
    seq.features = new Int32Array(total);
    parts.forEach((ids, i) => seq.features.set(ids, offsets[i]));
  }
  const size = index.names.length * N;
  const kept = Uint8Array.from(index.names, (_, id) => ((counts[id] ?? 0) >= settings.minCount ? 1 : 0));
  const weights = new Float64Array(size);
  const totals = new Float64Array(size);
  const stamps = new Float64Array(size);
  let clock = 0;
  const update = (f: number, c: number, delta: number) => {
    if (!kept[f]) return;
    const k = f * N + c;
    totals[k] += (clock - stamps[k]) * weights[k];
    stamps[k] = clock;
    weights[k] += delta;
  };
  let seq: Sequence = {
    features: new Int32Array(0),
    offsets: new Int32Array(1),
    tagFeatureIds: new Int32Array(0),
    gold: new Uint8Array(0),
  };
  const local: LocalScores = {
    token(i, out) {
      for (let k = seq.offsets[i]; k < seq.offsets[i + 1]; k++) {
        const f = seq.features[k];
        for (let c = 0; c < N; c++) out[c] += weights[f * N + c];
      }
    },
    tag(i, previous, out) {
      const at = (i * (N + 1) + previous) * TAG_FEATURES;
      for (let k = at; k < at + TAG_FEATURES; k++) {
        const f = seq.tagFeatureIds[k];
        for (let c = 0; c < N; c++) out[c] += weights[f * N + c];
      }
    },
  };
  const move = (i: number, previous: number, tag: number, delta: number) => {
    for (let k = seq.offsets[i]; k < seq.offsets[i + 1]; k++) update(seq.features[k], tag, delta);
    const at = (i * (N + 1) + previous) * TAG_FEATURES;
    for (let k = at; k < at + TAG_FEATURES; k++) update(seq.tagFeatureIds[k], tag, delta);
  };
  const random = seededRandom(settings.seed);
  let predicted = new Uint8Array(0);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (const line of shuffled(lines, random)) {
      seq = line.seq;
      if (predicted.length < seq.gold.length) predicted = new Uint8Array(seq.gold.length);
      if (settings.decoder === 'viterbi') {
        viterbiLine(line.from, line.to, local, predicted);
        clock++;
        for (let i = line.from; i < line.to; i++) {
          const goldBefore = i === line.from ? START : seq.gold[i - 1];
          const guessBefore = i === line.from ? START : predicted[i - 1];
          if (seq.gold[i] === predicted[i] && goldBefore === guessBefore) continue;
          move(i, goldBefore, seq.gold[i], 1);
          move(i, guessBefore, predicted[i], -1);
        }
      } else {
        // Greedy: each token decided, and learnt from, given the tag decided before it.
        let previous = START;
        const scores = new Float64Array(N);
        for (let i = line.from; i < line.to; i++) {
          scores.fill(0);
          local.token(i, scores);
          local.tag(i, previous, scores);
          let guess = 0;
          for (let c = 1; c < N; c++) if (scores[c] > scores[guess]) guess = c;
          clock++;
          if (guess !== seq.gold[i]) {
            move(i, previous, seq.gold[i], 1);
            move(i, previous, guess, -1);
          }
          previous = guess === I && previous !== B && previous !== I ? B : guess;
        }
      }
    }
  }
  const averaged = new Float64Array(size);
  for (let k = 0; k < size; k++) averaged[k] = (totals[k] + (clock - stamps[k]) * weights[k]) / Math.max(1, clock);
  return { names: index.names, weights: averaged };
}
