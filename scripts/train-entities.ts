/**
 * `npm run train:entities`: trains the entity model (lib/entities/model/) on AnnoCTR's train and dev
 * reports and writes data/entity-model.json, which the extension and the command line ship.
 *
 * 1. How the model and the rules combine (`rules`, `model`, `union` or `checked`) is chosen by 5-fold
 *    cross-validation by report over the same reports, plain and with each fold's names unseen (the figure:
 *    mean exact F1 of threat actors and of malware + tools over both), the table printed.
 * 2. The model is then trained on all of them, with a fixed seed: the same data gives the same file.
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
import { crossValidate, FOLDS, VARIANTS } from './entities-eval/cross-validation';
import { HEADER, prf, printTallies } from './entities-eval/scoring';
import { unseenFoldTools } from './entities-eval/unseen-fold-tools';

const OUT = path.join(import.meta.dirname, '..', 'data', 'entity-model.json');

const data = loadEntityData();
const rules = createEntityScanner({ ...data, model: undefined });
const finder = createEntityFinder(data.actors, data.software ?? []);
const facts = dictionaryFacts(finder.dictionary, finder.software);
const reports = SPLITS.flatMap((split) => readSplit(split));
const rulesOf = rulesByReport((text) => rules.findEntities(text));

console.log(
  `choosing how model and rules combine: ${FOLDS}-fold cross-validation over ${reports.length} reports, plain and with each fold's names unseen`,
);
const resolve = dictionaryResolver(finder.dictionary, finder.software);
const plain = crossValidate(reports, VARIANTS, rulesOf, resolve, facts, () => {}).tallies;
const unseen = crossValidate(
  reports,
  VARIANTS,
  rulesOf,
  resolve,
  facts,
  () => {},
  unseenFoldTools(data, () => {}),
).tallies;
console.log(HEADER.replace('split   ', 'variant '));
// The figure: the mean exact F1 of threat actors and of malware + tools, over both cross-validations (the
// unseen one stands for reports whose names are in no list; `entities-eval/unseen-names.ts`).
const scored = VARIANTS.map((variant) => {
  const score = [plain, unseen]
    .map((tallies) => {
      const t = tallies.get(variant.name)!;
      return (prf(t.get('threat-actor')!, false).f + prf(t.get('software')!, false).f) / 2;
    })
    .reduce((a, b) => a + b / 2, 0);
  printTallies(`${variant.name}`, plain.get(variant.name)!, false, ['threat-actor', 'software']);
  printTallies(`${variant.name}*`, unseen.get(variant.name)!, false, ['threat-actor', 'software']);
  return { variant, score };
});
console.log("(* with each fold's names unseen)");
const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
console.log(
  `chosen: ${best.variant.name} (mean exact F1 of threat actors and malware + tools over both cross-validations ${best.score.toFixed(3)}; ${scored.map((s) => `${s.variant.name} ${s.score.toFixed(3)}`).join(', ')})`,
);

const trained = trainEntityModel(reports, rulesOf, facts, DEFAULT_SETTINGS);
const file = modelFile(
  trained,
  best.variant.combine,
  `AnnoCTR train + dev (${reports.length} reports; CC BY-SA 4.0, Bosch Research); averaged perceptron, ${DEFAULT_SETTINGS.epochs} epochs, seed ${DEFAULT_SETTINGS.seed}`,
);
const json = JSON.stringify(file);
writeFileSync(OUT, json);
console.log(
  `wrote ${path.relative(process.cwd(), OUT)}: ${file.features.length} features, ${(json.length / 1024).toFixed(0)} KB raw, ${(gzipSync(json).length / 1024).toFixed(0)} KB gzipped`,
);
