/**
 * Does the model's confidence mean what it says? From a cross-validation's out-of-fold spans (each fold's
 * kept spans scored by the model trained on the other folds; `crossValidate`'s `onSpans`), a span being
 * right when a labelled mention of its kind has exactly its bounds: the reliability table, ECE and log loss
 * of the plain softmax (as before calibration) and of each calibration measured the nested way (fitted on
 * the other folds, scored on the fold left out; `lib/entities/model/fit-calibration.ts`).
 */
import type { Calibration } from '../../lib/entities/model/calibration';
import type { ModelSpan } from '../../lib/entities/model/entity-model';
import {
  calibratedSpans,
  nestedMeasure,
  preferredMethod,
  type NestedMeasure,
  type ScoredSpan,
} from '../../lib/entities/model/fit-calibration';
import { reliability, type Reliability } from '../../lib/entities/model/reliability';
import { GOLD_TYPES } from '../../lib/entities/model/training';
import { classOf } from '../../lib/entities/model/tags';
import type { Report } from './scoring';

/** Out-of-fold scored spans, per variant and fold. */
export class SpanCollector {
  readonly byVariant = new Map<string, ScoredSpan[][]>();

  readonly collect = (variant: string, fold: number, report: Report, spans: readonly ModelSpan[]): void => {
    let folds = this.byVariant.get(variant);
    if (!folds) this.byVariant.set(variant, (folds = []));
    while (folds.length <= fold) folds.push([]);
    const gold = new Set(report.mentions.filter((m) => GOLD_TYPES[m.type]).map((m) => `${GOLD_TYPES[m.type]}:${m.start}:${m.end}`));
    for (const span of spans) {
      if (!span.scores) throw new Error('calibration report: the model kept no scores (build it with keepScores)');
      folds[fold].push({ scores: span.scores, shown: classOf(span.kind), right: gold.has(`${span.kind}:${span.start}:${span.end}`) });
    }
  };
}

const pct = (x: number) => (Number.isNaN(x) ? '   —' : `${(x * 100).toFixed(0).padStart(3)}%`);

export const describeCalibration = (c: Calibration): string =>
  c.method === 'temperature' ? `temperature ${c.temperature}` : `Platt, slope ${c.slope}, offset ${c.offset}`;

/** A reliability table, two calibrations side by side. */
export function printReliability(
  title: string,
  [leftName, left]: [string, Reliability],
  [rightName, right]: [string, Reliability],
  print: (line: string) => void = console.log,
): void {
  print(`${title} (${left.count} spans, ${pct(left.accuracy).trim()} right)`);
  print(`  confidence   ${leftName.padEnd(28)} ${rightName}`);
  print(`  bin          stated  right  spans         stated  right  spans`);
  left.bins.forEach((b, i) => {
    const row = (x: typeof b) => `${pct(x.confidence)}   ${pct(x.accuracy)}  ${String(x.count).padStart(5)}`;
    print(
      `  ${(b.from * 100).toFixed(0).padStart(3)}–${`${(b.to * 100).toFixed(0)}%`.padEnd(4)}    ${row(b)}         ${row(right.bins[i])}`,
    );
  });
}

export const measureLine = (name: string, r: Reliability): string =>
  `  ${name.padEnd(62)} ECE ${r.ece.toFixed(3)}  log loss ${r.logLoss.toFixed(3)}  mean stated ${pct(r.confidence).trim()}, right ${pct(r.accuracy).trim()}`;

const folds = (m: NestedMeasure) => m.perFold.map(describeCalibration).join('; ');

/**
 * One cross-validation's spans: the plain softmax against each calibration fitted on the other folds of
 * this cross-validation, and against `shipped` (fitted by `train:entities` on every fold of both
 * cross-validations, these spans included: a fit, not a held-out figure).
 */
export function printCalibrationReport(
  title: string,
  byFold: readonly ScoredSpan[][],
  shipped: Calibration,
  print: (line: string) => void = console.log,
): void {
  const plain = reliability(calibratedSpans(byFold.flat(), { method: 'temperature', temperature: 1 }));
  const temperature = nestedMeasure('temperature', byFold);
  const platt = nestedMeasure('platt', byFold);
  const best = preferredMethod({ temperature, platt }) === 'platt' ? platt : temperature;
  printReliability(
    `${title}: the model's confidence on the spans it keeps, out of fold`,
    ['plain softmax (before)', plain],
    [`${best.method === 'platt' ? 'Platt' : 'temperature'} scaling, fitted on the other folds`, best.reliability],
    print,
  );
  print(measureLine('plain softmax (T = 1, before)', plain));
  print(measureLine('temperature scaling, fitted on the other folds', temperature.reliability));
  print(measureLine('Platt scaling, fitted on the other folds', platt.reliability));
  print(
    measureLine(`shipped (${describeCalibration(shipped)}; fitted on these too)`, reliability(calibratedSpans(byFold.flat(), shipped))),
  );
  print(`  fitted per fold: ${folds(temperature)}`);
  print(`                   ${folds(platt)}`);
}
