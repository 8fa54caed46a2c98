/**
 * `npm run train:entities`: trains the entity model (lib/entities/model/) on AnnoCTR's train and dev
 * reports and writes data/entity-model.json, which the extension and the command line ship.
 *
 * 1. How the model and the rules combine (`rules`, `model`, `union` or `checked`) is chosen by 5-fold
 *    cross-validation by report over the same reports, plain and with each fold's names unseen (the figure:
 *    mean exact F1 of threat actors and of malware + tools over both), the table printed.
 * 2. How the technique tagger's mentions join the rules' (`rules`, `tagger`, `union`, `tagger-first` or
 *    `free-lines`) likewise (the figure: techniques' exact F1). The tagger must beat the rules overall and
 *    in all folds but one; otherwise the rules stay, which cost nothing to run.
 * 3. What the chosen combination's confidence means (`lib/entities/model/fit-calibration.ts`): temperature or
 *    Platt scaling, fitted on both cross-validations' out-of-fold spans, the method chosen by its nested log
 *    loss (each fold's spans under the calibration fitted on the other folds), the reliability printed.
 * 4. Both models are then trained on all of them, with a fixed seed: the same data gives the same file.
 *
 * AnnoCTR is CC BY-SA 4.0 (Bosch Research); the model file carries that attribution (README, NOTICE).
 * Only train and dev are read: the test split is held out.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createEntityFinder } from '../lib/entities/actors-and-software';
import { modelFile, trainEntityModel, DEFAULT_SETTINGS } from '../lib/entities/model/training';
import { dictionaryFacts, dictionaryResolver } from '../lib/entities/model/resolve-name';
import { createEntityScanner } from '../lib/entities/scan-entities';
import { loadEntityData } from '../lib/entities/shipped-data';
import { readSplit, SPLITS } from './entities-eval/annoctr';
import { rulesByReport } from './entities-eval/rules-by-report';
import { crossValidate, FOLDS, TECHNIQUE_VARIANTS, VARIANTS } from './entities-eval/cross-validation';
import { DEFAULT_TAGGER_SETTINGS, trainTechniqueTagger } from '../lib/entities/model/techniques/technique-training';
import { techniqueTaggerFile } from '../lib/entities/model/techniques/technique-tagger-file';
import { techniqueVocabulary } from '../lib/entities/model/techniques/technique-vocabulary';
import { HEADER, prf, printTallies, type Tally } from './entities-eval/scoring';
import { unseenFoldTools } from './entities-eval/unseen-fold-tools';
import { describeCalibration, measureLine, printReliability, SpanCollector } from './entities-eval/calibration-report';
import { chooseCalibration, calibratedSpans, nestedMeasure } from '../lib/entities/model/fit-calibration';
import { PLAIN_SOFTMAX } from '../lib/entities/model/calibration';
import { reliability } from '../lib/entities/model/reliability';

const OUT = path.join(import.meta.dirname, '..', 'data', 'entity-model.json');

const data = loadEntityData();
const rules = createEntityScanner({ ...data, model: undefined });
const finder = createEntityFinder(data.actors, data.software ?? []);
const facts = dictionaryFacts(finder.dictionary, finder.software);
const reports = SPLITS.flatMap((split) => readSplit(split));
const rulesOf = rulesByReport((text) => rules.findEntities(text));
const vocabulary = techniqueVocabulary(data.techniques!);
const actorVariants = VARIANTS.filter((v) => !v.techniques);

console.log(
  `choosing how model and rules combine: ${FOLDS}-fold cross-validation over ${reports.length} reports, plain and with each fold's names unseen`,
);
const resolve = dictionaryResolver(finder.dictionary, finder.software);
const plainSpans = new SpanCollector();
const unseenSpans = new SpanCollector();
const { tallies, foldTallies } = crossValidate(
  reports,
  VARIANTS,
  rulesOf,
  resolve,
  facts,
  () => {},
  vocabulary,
  undefined,
  plainSpans.collect,
);
const unseen = crossValidate(
  reports,
  actorVariants,
  rulesOf,
  resolve,
  facts,
  () => {},
  vocabulary,
  unseenFoldTools(data, () => {}),
  unseenSpans.collect,
).tallies;
console.log(HEADER.replace('split   ', 'variant '));
// The figure: the mean exact F1 of threat actors and of malware + tools, over both cross-validations (the
// unseen one stands for reports whose names are in no list; `entities-eval/unseen-names.ts`).
const scored = actorVariants.map((variant) => {
  const score = [tallies, unseen]
    .map((byVariant) => {
      const t = byVariant.get(variant.name)!;
      return (prf(t.get('threat-actor')!, false).f + prf(t.get('software')!, false).f) / 2;
    })
    .reduce((a, b) => a + b / 2, 0);
  printTallies(`${variant.name}`, tallies.get(variant.name)!, false, ['threat-actor', 'software']);
  printTallies(`${variant.name}*`, unseen.get(variant.name)!, false, ['threat-actor', 'software']);
  return { variant, score };
});
console.log("(* with each fold's names unseen)");
const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
console.log(
  `chosen: ${best.variant.name} (mean exact F1 of threat actors and malware + tools over both cross-validations ${best.score.toFixed(3)}; ${scored.map((s) => `${s.variant.name} ${s.score.toFixed(3)}`).join(', ')})`,
);

// What the chosen combination's confidence means: calibrated on the spans it kept out of fold in both
// cross-validations (fold f of each is the same reports), the method chosen by its nested log loss.
const spansOf = (collector: SpanCollector) => collector.byVariant.get(best.variant.name) ?? [];
const plainFolds = spansOf(plainSpans);
const unseenFolds = spansOf(unseenSpans);
const pooled = plainFolds.map((spans, f) => [...spans, ...(unseenFolds[f] ?? [])]);
const { chosen: calibration, measured } = chooseCalibration(pooled);
console.log(
  `\nthe ${best.variant.name} model's confidence, out of fold (each fold's spans; calibrations fitted on the other folds of both cross-validations):`,
);
for (const [name, folds] of [
  ['plain CV', plainFolds],
  ['unseen CV', unseenFolds],
  ['both', pooled],
] as const) {
  const before = reliability(calibratedSpans(folds.flat(), PLAIN_SOFTMAX));
  const after = { temperature: nestedMeasure('temperature', pooled, folds), platt: nestedMeasure('platt', pooled, folds) };
  printReliability(
    `${name}`,
    ['plain softmax (before)', before],
    [`${calibration.method === 'platt' ? 'Platt' : 'temperature'} scaling (after)`, after[calibration.method].reliability],
  );
  console.log(measureLine('plain softmax (before)', before));
  console.log(measureLine('temperature scaling', after.temperature.reliability));
  console.log(measureLine('Platt scaling', after.platt.reliability));
}
console.log(
  `chosen calibration: ${describeCalibration(calibration)} (nested log loss over both: temperature ${measured.temperature.reliability.logLoss.toFixed(3)}, Platt ${measured.platt.reliability.logLoss.toFixed(3)})`,
);

// The technique tagger on top of the shipped combination: against `union` (the rules' techniques). It
// ships only when it beats the rules overall and in at least FOLDS_TO_WIN of the folds: a smaller gain is
// within what one report more or less in a fold moves, and the tagger costs scan time and changes what
// people see marked.
const FOLDS_TO_WIN = FOLDS - 1;
const techniqueF1 = (rows: Map<string, Tally>) => prf(rows.get('technique')!, false).f;
const byFold = (name: string) => foldTallies.get(name)!.map(techniqueF1);
const rulesFolds = byFold('union');
let chosen: (typeof TECHNIQUE_VARIANTS)[number]['techniques'] = undefined;
let bestTechniques = techniqueF1(tallies.get('union')!);
const folds = (f: number[]) => f.map((x) => x.toFixed(3)).join(' ');
console.log(`techniques, rules alone (union): exact F1 ${bestTechniques.toFixed(3)} (folds ${folds(rulesFolds)})`);
for (const variant of TECHNIQUE_VARIANTS) {
  const f = techniqueF1(tallies.get(variant.name)!);
  const perFold = byFold(variant.name);
  const wins = perFold.filter((x, i) => x > rulesFolds[i]).length;
  console.log(
    `techniques, ${variant.name}: exact F1 ${f.toFixed(3)} (folds ${folds(perFold)}; better than the rules in ${wins} of ${FOLDS})`,
  );
  if (f > bestTechniques && wins >= FOLDS_TO_WIN) [bestTechniques, chosen] = [f, variant.techniques];
}
console.log(`chosen for techniques: ${chosen ? chosen.combine : 'rules'}`);

const trained = trainEntityModel(reports, rulesOf, facts, DEFAULT_SETTINGS);
const file = modelFile(
  trained,
  best.variant.combine,
  `AnnoCTR train + dev (${reports.length} reports; CC BY-SA 4.0, Bosch Research); averaged perceptron, ${DEFAULT_SETTINGS.epochs} epochs, seed ${DEFAULT_SETTINGS.seed}; technique tagger ${DEFAULT_TAGGER_SETTINGS.epochs} epochs, seed ${DEFAULT_TAGGER_SETTINGS.seed}, features seen ${DEFAULT_TAGGER_SETTINGS.minCount}+ times`,
);
file.calibration = {
  ...calibration,
  fittedOn: `the ${best.variant.name} model's out-of-fold spans in the plain and unseen ${FOLDS}-fold cross-validations (${pooled.flat().length} spans); ${calibration.method} chosen by nested log loss (temperature ${measured.temperature.reliability.logLoss.toFixed(3)}, Platt ${measured.platt.reliability.logLoss.toFixed(3)})`,
};
// Where cross-validation keeps the rules, the file records that and ships no weights: the popup and the
// background parse this file, and weights nobody uses would only cost them time.
file.techniques = chosen
  ? techniqueTaggerFile(trainTechniqueTagger(reports, rulesOf, vocabulary, chosen.settings), chosen.settings, chosen.combine)
  : techniqueTaggerFile({ names: [], weights: [] }, DEFAULT_TAGGER_SETTINGS, 'rules');
const json = JSON.stringify(file);
writeFileSync(OUT, json);
console.log(
  `wrote ${path.relative(process.cwd(), OUT)}: ${file.features.length} features, technique tagger ${file.techniques.features.length} features, ${(json.length / 1024).toFixed(0)} KB raw, ${(gzipSync(json).length / 1024).toFixed(0)} KB gzipped`,
);
