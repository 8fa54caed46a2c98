/**
 * Training the entity model from labelled reports (AnnoCTR's shape: `{text, mentions: [{start, end,
 * type}]}`): every candidate span of every report is an example, labelled with the kind of the gold span
 * it matches exactly (else `none`); features as at inference (the rules' entities included); an averaged
 * perceptron over them; the weights rounded for shipping. Pure: the caller reads files and runs the rules.
 */
import type { Entity } from '../types';
import type { CombineMode, EntityModelFile } from './entity-model';
import { FeatureIndex, trainPerceptron, type Example } from './perceptron';
import { nameFeatures, nameKey, placeFeatures, spanDocument, type DictionaryFacts } from './span-features';
import { classOf, CLASSES, NONE, type ModelKind } from './tags';

export interface LabelledReport {
  id: string;
  text: string;
  mentions: { start: number; end: number; type: string }[];
}

/** AnnoCTR's types for the model's kinds. */
export const GOLD_TYPES: Record<string, ModelKind> = { GROUP: 'threat-actor', MALWARE: 'malware', TOOL: 'tool' };

export interface TrainingSettings {
  epochs: number;
  seed: number;
}

/** The share of the training names the gate lets through (see `TrainedWeights.gate`). */
const GATE_QUANTILE = Number(process.env.GATEQ ?? 0.99);

export const DEFAULT_SETTINGS: TrainingSettings = { epochs: 10, seed: 13 };

export interface TrainedWeights {
  names: string[];
  weights: Float64Array;
  /**
   * How hard a real name's own features (`nameFeatures`) may argue for `none` (the 99th percentile over the
   * training candidates that were names): a candidate whose name alone argues for `none` by more than this
   * is left out without reading its place, which makes the model cheap on ordinary capitalised words and on
   * encoded data. Measured on the training reports only; cross-validation measures what it costs on
   * reports it has not seen.
   */
  gate: number;
}

export function trainEntityModel<R extends LabelledReport>(
  reports: readonly R[],
  rulesOf: (report: R) => readonly Entity[],
  facts: DictionaryFacts,
  settings: TrainingSettings = DEFAULT_SETTINGS,
  /** Features left out of training (the evaluation's `--unseen` folds: the spellings of names to treat as new). */
  forget?: (feature: string) => boolean,
): TrainedWeights {
  const kept = (features: string[]) => (forget ? features.filter((f) => !forget(f)) : features);
  const index = new FeatureIndex();
  const examples: Example[] = [];
  const names: Int32Array[] = [];
  for (const report of reports) {
    const doc = spanDocument(report.text, rulesOf(report));
    const gold = new Map<string, number>();
    for (const m of report.mentions) if (GOLD_TYPES[m.type]) gold.set(`${m.start}:${m.end}`, classOf(GOLD_TYPES[m.type]));
    for (const c of doc.candidates) {
      const surface = report.text.slice(c.start, c.end);
      const known = facts(surface);
      const name = index.intern(kept(nameFeatures(doc, c, nameKey(surface), known)));
      names.push(name);
      examples.push({
        features: Int32Array.from([...name, ...index.intern(kept(placeFeatures(doc, c, known)))]),
        gold: gold.get(`${c.start}:${c.end}`) ?? NONE,
      });
    }
  }
  const nClasses = CLASSES.length;
  const weights = trainPerceptron(index.names.length, nClasses, examples, settings.epochs, settings.seed);
  // The gate: how hard the name alone argued for `none` at the training candidates that were names; the
  // gate lets through all but the most lopsided hundredth of them.
  const arguedNone: number[] = [];
  const scores = new Float64Array(nClasses);
  examples.forEach((example, i) => {
    if (example.gold === NONE) return;
    scores.fill(0);
    for (const f of names[i]) for (let k = 0; k < nClasses; k++) scores[k] += weights[f * nClasses + k];
    let most = -Infinity;
    for (let k = 1; k < nClasses; k++) most = Math.max(most, scores[k]);
    arguedNone.push(scores[NONE] - most);
  });
  arguedNone.sort((a, b) => a - b);
  const gate = arguedNone.length ? arguedNone[Math.floor((arguedNone.length - 1) * GATE_QUANTILE)] : Infinity;
  return { names: index.names, weights, gate };
}

/** The shipped file: weights × scale rounded to integers, features left out when all round to zero. */
export function modelFile(trained: TrainedWeights, combine: CombineMode, trainedOn: string, scale = 100): EntityModelFile {
  const nClasses = CLASSES.length;
  const features: string[] = [];
  const weights: number[] = [];
  trained.names.forEach((name, f) => {
    const row = Array.from({ length: nClasses }, (_, c) => Math.round(trained.weights[f * nClasses + c] * scale));
    if (row.every((w) => w === 0)) return;
    features.push(name);
    weights.push(...row);
  });
  return {
    format: 'gloss-entity-model/2',
    combine,
    classes: [...CLASSES],
    scale,
    features,
    weights,
    gate: Math.ceil(trained.gate * scale) / scale,
    trainedOn,
  };
}
