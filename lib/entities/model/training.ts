/**
 * Training the entity model from labelled reports (AnnoCTR's shape: `{text, mentions: [{start, end,
 * type}]}`): every candidate span of every report is an example, labelled with the kind of the gold span
 * it matches exactly (else `none`); features as at inference (the rules' entities included); an averaged
 * perceptron over them; the weights rounded for shipping. Pure: the caller reads files and runs the rules.
 */
import type { Entity } from '../types';
import type { CombineMode, EntityModelFile } from './entity-model';
import { FeatureIndex, trainPerceptron, type Example } from './perceptron';
import { spanDocument, spanFeatures, type DictionaryFacts } from './span-features';
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

export const DEFAULT_SETTINGS: TrainingSettings = { epochs: 10, seed: 13 };

export interface TrainedWeights {
  names: string[];
  weights: Float64Array;
}

export function trainEntityModel<R extends LabelledReport>(
  reports: readonly R[],
  rulesOf: (report: R) => readonly Entity[],
  facts: DictionaryFacts,
  settings: TrainingSettings = DEFAULT_SETTINGS,
): TrainedWeights {
  const index = new FeatureIndex();
  const examples: Example[] = [];
  for (const report of reports) {
    const doc = spanDocument(report.text, rulesOf(report));
    const gold = new Map<string, number>();
    for (const m of report.mentions) if (GOLD_TYPES[m.type]) gold.set(`${m.start}:${m.end}`, classOf(GOLD_TYPES[m.type]));
    for (const c of doc.candidates) {
      examples.push({ features: index.intern(spanFeatures(doc, c, facts)), gold: gold.get(`${c.start}:${c.end}`) ?? NONE });
    }
  }
  return { names: index.names, weights: trainPerceptron(index.names.length, CLASSES.length, examples, settings.epochs, settings.seed) };
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
  return { format: 'gloss-entity-model/2', combine, classes: [...CLASSES], scale, features, weights, trainedOn };
}
