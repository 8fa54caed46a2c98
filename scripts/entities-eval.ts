/**
 * Precision / recall / F1 of the entity scanner on AnnoCTR (shared/data/annoctr), per entity kind.
 *
 *   npm run eval:entities                    fit: the shipped scanner (rules and model) on train and dev
 *   npm run eval:entities -- --cv            5-fold cross-validation by report over train + dev, for the
 *                                            rules alone and each way of combining a model with them
 *   npm run eval:entities -- --cv --unseen   the same, each fold's actor, malware and tool names removed from
 *                                            the dictionaries and the model's memory (`entities-eval/unseen-names.ts`)
 *   with --cv, each model variant's confidence is measured too: the reliability table, ECE and log loss of
 *   its out-of-fold confidences, plain and calibrated (`entities-eval/calibration-report.ts`);
 *   add --details for the top false hits, misses and boundary mismatches (found ≠ labelled); --rules to leave
 *   the shipped model out of the fit; GLOSS_FOLD_SEED=n deals the folds with another seed (2024 by default).
 *
 * The scanner uses the project's own data/ files, as the extension does. Each kind is compared with the
 * AnnoCTR type it corresponds to (threat-actor ↔ GROUP, malware ↔ MALWARE, tool ↔ TOOL, organization ↔
 * ORG, technique ↔ TECHNIQUE, place ↔ LOC), plus malware and tools together ↔ MALWARE or TOOL (scoring in
 * `entities-eval/scoring.ts`, folds in `entities-eval/cross-validation.ts`). Only train and dev are read:
 * the test split is held out. Not part of the pass/fail tests.
 */
import { createEntityScanner } from '../lib/entities/scan-entities';
import { loadEntityData } from '../lib/entities/shipped-data';
import { createEntityFinder } from '../lib/entities/actors-and-software';
import { dictionaryFacts, dictionaryResolver } from '../lib/entities/model/resolve-name';
import { readSplit, SPLITS } from './entities-eval/annoctr';
import { rulesByReport } from './entities-eval/rules-by-report';
import { crossValidate, FOLDS, FOLD_SEED, VARIANTS } from './entities-eval/cross-validation';
import { HEADER, printTallies, scoreReport, type Tally } from './entities-eval/scoring';
import { unseenFoldTools } from './entities-eval/unseen-fold-tools';
import { techniqueVocabulary } from '../lib/entities/model/techniques/technique-vocabulary';
import { printCalibrationReport, SpanCollector } from './entities-eval/calibration-report';
import { readCalibration } from '../lib/entities/model/calibration';
import type { EntityModelFile } from '../lib/entities/model/entity-model';

const args = process.argv.slice(2);
const details = args.includes('--details');
const cv = args.includes('--cv');
const data = loadEntityData();

if (cv) {
  const rules = createEntityScanner({ ...data, model: undefined });
  const finder = createEntityFinder(data.actors, data.software ?? []);
  const resolve = dictionaryResolver(finder.dictionary, finder.software);
  const reports = SPLITS.flatMap((split) => readSplit(split));
  const rulesOf = rulesByReport((text) => rules.findEntities(text));
  const only = args
    .find((a) => a.startsWith('--variants='))
    ?.slice('--variants='.length)
    .split(',');
  const variants = only ? VARIANTS.filter((v) => only.includes(v.name)) : VARIANTS;
  const unseen = args.includes('--unseen');
  console.error(
    `${FOLDS}-fold cross-validation by report over ${reports.length} reports (train + dev), fold seed ${FOLD_SEED}${unseen ? ", each fold's names unseen" : ''}`,
  );
  const progress = (line: string) => console.error(line);
  const spans = new SpanCollector();
  const { tallies } = crossValidate(
    reports,
    variants,
    rulesOf,
    resolve,
    dictionaryFacts(finder.dictionary, finder.software),
    progress,
    techniqueVocabulary(data.techniques!),
    unseen ? unseenFoldTools(data, progress) : undefined,
    spans.collect,
  );
  console.log(HEADER.replace('split   ', 'variant '));
  for (const variant of variants) {
    console.log(`# ${variant.name}: ${variant.description}`);
    printTallies(variant.name, tallies.get(variant.name)!, details);
  }
  for (const variant of variants) {
    const byFold = spans.byVariant.get(variant.name);
    if (!byFold) continue;
    console.log();
    printCalibrationReport(
      `# ${variant.name}${unseen ? ", each fold's names unseen" : ''}`,
      byFold,
      readCalibration((data.model as EntityModelFile | undefined)?.calibration),
    );
  }
} else {
  const scanner = createEntityScanner(args.includes('--rules') ? { ...data, model: undefined } : data);
  const splits = args.filter((a) => !a.startsWith('--'));
  console.log(HEADER);
  for (const split of splits.length ? splits : SPLITS) {
    const tallies = new Map<string, Tally>();
    for (const report of readSplit(split)) scoreReport(report, scanner.findEntities(report.text), tallies);
    printTallies(split, tallies, details);
  }
}
