/**
 * Training the technique tagger from labelled reports (AnnoCTR's TECHNIQUE spans): every token is tagged
 * `B` (the first token a span touches), `I` (its later tokens) or `O`; an averaged perceptron learns the
 * tags decoding as it will be used, greedily, the tag before each token being the one it decided itself
 * (so it learns to recover from its own mistakes). Features seen fewer than `minCount` times are left
 * out: they would only remember the training text, and they keep the shipped file small. Reports are
 * visited in an order shuffled by the seed: the same data and seed give the same weights.
 */
import type { Entity } from '../../types';
import { FeatureIndex, seededRandom, shuffled } from '../perceptron';
import type { LabelledReport } from '../training';
import { taggerDocument, tagFeatures, tokenFeatures } from './technique-features';
import { B, I, O, START, TAGS } from './technique-tags';
import type { Decoder } from './technique-tagger';
import { tokenLines, viterbiLine, type LocalScores } from './viterbi';

export interface TaggerSettings {
  epochs: number;
  seed: number;
  /** Features seen fewer times than this in training are left out. */
  minCount: number;
  /** How tags are decoded, in training as at inference (`Decoder`). */
  decoder: Decoder;
}

export const DEFAULT_TAGGER_SETTINGS: TaggerSettings = { epochs: 10, seed: 13, minCount: 2, decoder: 'greedy' };

/** AnnoCTR's type for techniques. */
const GOLD_TYPE = 'TECHNIQUE';

interface Sequence {
  /** Static feature ids per token: `features[offsets[i]..offsets[i+1]]`. */
  features: Int32Array;
  offsets: Int32Array;
  /** Per token and tag before it (TAGS.length + 1 of them): the ids of `tagFeatures`. */
  tagFeatureIds: Int32Array;
  gold: Uint8Array;
  /** Token lines (`tokenLines`): the Viterbi decoder's sequences. */
  lines: Int32Array;
}

const TAG_FEATURES = 5;

/** The gold tag of each token: B for the first token a technique span touches, I for the rest. */
export function goldTags(
  doc: { tokens: { starts: Int32Array; ends: Int32Array; count: number } },
  spans: readonly { start: number; end: number }[],
): Uint8Array {
  const { starts, ends, count } = doc.tokens;
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
  const count = (ids: Int32Array) => {
    for (const id of ids) counts[id] = (counts[id] ?? 0) + 1;
  };
  const sequences: Sequence[] = reports.map((report) => {
    const doc = taggerDocument(report.text, rulesOf(report), vocabulary);
    const n = doc.tokens.count;
    const parts: Int32Array[] = [];
    const offsets = new Int32Array(n + 1);
    const tagFeatureIds = new Int32Array(n * (TAGS.length + 1) * TAG_FEATURES);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const ids = index.intern(tokenFeatures(doc, i));
      count(ids);
      parts.push(ids);
      total += ids.length;
      offsets[i + 1] = total;
      for (let previous = 0; previous <= TAGS.length; previous++) {
        const tagIds = index.intern(tagFeatures(doc, i, previous));
        tagFeatureIds.set(tagIds, (i * (TAGS.length + 1) + previous) * TAG_FEATURES);
      }
    }
    const features = new Int32Array(total);
    parts.forEach((ids, i) => features.set(ids, offsets[i]));
    const gold = goldTags(
      doc,
      report.mentions.filter((m) => m.type === GOLD_TYPE),
    );
    // Tag features count as often as the gold sequence uses them.
    for (let i = 0; i < n; i++) {
      const previous = i === 0 ? START : gold[i - 1];
      count(
        tagFeatureIds.subarray((i * (TAGS.length + 1) + previous) * TAG_FEATURES, (i * (TAGS.length + 1) + previous + 1) * TAG_FEATURES),
      );
    }
    return { features, offsets, tagFeatureIds, gold, lines: tokenLines(doc.tokens.lineStart, n) };
  });
  const nTags = TAGS.length;
  const size = index.names.length * nTags;
  const kept = Uint8Array.from(index.names, (_, id) => ((counts[id] ?? 0) >= settings.minCount ? 1 : 0));
  const weights = new Float64Array(size);
  const totals = new Float64Array(size);
  const stamps = new Float64Array(size);
  let clock = 0;
  const update = (f: number, c: number, delta: number) => {
    if (!kept[f]) return;
    const k = f * nTags + c;
    totals[k] += (clock - stamps[k]) * weights[k];
    stamps[k] = clock;
    weights[k] += delta;
  };
  const scores = new Float64Array(nTags);
  const random = seededRandom(settings.seed);
  if (settings.decoder === 'viterbi') {
    // Structured perceptron: each line decoded whole, the weights moved towards the gold path and away from
    // the decoded one where they differ.
    const lines = sequences.flatMap((seq) => Array.from({ length: seq.lines.length - 1 }, (_, k) => ({ seq, from: seq.lines[k], to: seq.lines[k + 1] })));
    let seq = sequences[0];
    const local: LocalScores = {
      token(i, out) {
        for (let k = seq.offsets[i]; k < seq.offsets[i + 1]; k++) {
          const f = seq.features[k];
          for (let c = 0; c < nTags; c++) out[c] += weights[f * nTags + c];
        }
      },
      tag(i, previous, out) {
        const at = (i * (nTags + 1) + previous) * TAG_FEATURES;
        for (let k = at; k < at + TAG_FEATURES; k++) {
          const f = seq.tagFeatureIds[k];
          for (let c = 0; c < nTags; c++) out[c] += weights[f * nTags + c];
        }
      },
    };
    let predicted = new Uint8Array(0);
    const move = (i: number, previous: number, tag: number, delta: number) => {
      for (let k = seq.offsets[i]; k < seq.offsets[i + 1]; k++) update(seq.features[k], tag, delta);
      const at = (i * (nTags + 1) + previous) * TAG_FEATURES;
      for (let k = at; k < at + TAG_FEATURES; k++) update(seq.tagFeatureIds[k], tag, delta);
    };
    for (let epoch = 0; epoch < settings.epochs; epoch++) {
      for (const line of shuffled(lines, random)) {
        seq = line.seq;
        if (predicted.length < seq.gold.length) predicted = new Uint8Array(seq.gold.length);
        viterbiLine(line.from, line.to, local, predicted);
        clock++;
        for (let i = line.from; i < line.to; i++) {
          const goldPrevious = i === line.from ? START : seq.gold[i - 1];
          const guessPrevious = i === line.from ? START : predicted[i - 1];
          if (seq.gold[i] === predicted[i] && goldPrevious === guessPrevious) continue;
          move(i, goldPrevious, seq.gold[i], 1);
          move(i, guessPrevious, predicted[i], -1);
        }
      }
    }
  }
  for (let epoch = 0; settings.decoder === 'greedy' && epoch < settings.epochs; epoch++) {
    for (const seq of shuffled(sequences, random)) {
      let previous = START;
      const n = seq.gold.length;
      for (let i = 0; i < n; i++) {
        const from = seq.offsets[i];
        const to = seq.offsets[i + 1];
        const tagFrom = (i * (nTags + 1) + previous) * TAG_FEATURES;
        scores.fill(0);
        for (let k = from; k < to; k++) {
          const f = seq.features[k];
          for (let c = 0; c < nTags; c++) scores[c] += weights[f * nTags + c];
        }
        for (let k = tagFrom; k < tagFrom + TAG_FEATURES; k++) {
          const f = seq.tagFeatureIds[k];
          for (let c = 0; c < nTags; c++) scores[c] += weights[f * nTags + c];
        }
        let guess = O;
        for (let c = 1; c < nTags; c++) if (scores[c] > scores[guess]) guess = c;
        clock++;
        const gold = seq.gold[i];
        if (guess !== gold) {
          for (let k = from; k < to; k++) {
            update(seq.features[k], gold, 1);
            update(seq.features[k], guess, -1);
          }
          for (let k = tagFrom; k < tagFrom + TAG_FEATURES; k++) {
            update(seq.tagFeatureIds[k], gold, 1);
            update(seq.tagFeatureIds[k], guess, -1);
          }
        }
        previous = guess === I && (previous === O || previous === START) ? B : guess;
      }
    }
  }
  const averaged = new Float64Array(size);
  for (let k = 0; k < size; k++) averaged[k] = (totals[k] + (clock - stamps[k]) * weights[k]) / Math.max(1, clock);
  return { names: index.names, weights: averaged };
}
