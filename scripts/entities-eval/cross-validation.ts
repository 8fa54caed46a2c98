/**
 * k-fold cross-validation by report: the reports are dealt into k folds in an order shuffled by a fixed
 * seed; for each fold a model is trained on the other k−1 folds only (features, weights and every setting
 * come from them) and the fold left out is scored. Counts are added up over the folds (micro average).
 * The rules have no training: their figure is their plain score on each fold.
 */
import type { Entity } from '../../lib/entities/types';
import { modelFromWeights, type CombineMode, type ModelSpan } from '../../lib/entities/model/entity-model';
import { joinModelSpans } from '../../lib/entities/model/apply-model';
import { withoutThreatNamesOutOfPlace } from '../../lib/entities/threat-page';
import type { Resolve } from '../../lib/entities/model/combine';
import type { DictionaryFacts } from '../../lib/entities/model/span-features';
import { seededRandom, shuffled } from '../../lib/entities/model/perceptron';
import { trainEntityModel, DEFAULT_SETTINGS, type TrainingSettings } from '../../lib/entities/model/training';
import { scoreReport, type Report, type Tally } from './scoring';
import { DEFAULT_TAGGER_SETTINGS, trainTechniqueTagger, type TaggerSettings } from '../../lib/entities/model/techniques/technique-training';
import { techniqueTagger } from '../../lib/entities/model/techniques/technique-tagger';
import { applyTechniqueTagger } from '../../lib/entities/model/techniques/apply-technique-tagger';
import type { TechniqueCombine } from '../../lib/entities/model/techniques/combine-techniques';

export const FOLDS = 5;
/** The headline's deal; `GLOSS_FOLD_SEED` deals the folds otherwise, to see how far a figure moves with the deal. */
export const FOLD_SEED = Number(process.env.GLOSS_FOLD_SEED ?? 2024);

/** One way of finding entities, cross-validated. */
export interface Variant {
  name: string;
  description: string;
  /** Training settings, or none for the rules alone. */
  settings?: TrainingSettings;
  combine: CombineMode;
  /** The technique tagger's training settings and how its mentions join the rules' (none: no tagger). */
  techniques?: { settings: TaggerSettings; combine: TechniqueCombine };
}

/** The technique tagger, trained on every line or (as `free-lines` uses it) only on lines that are no table line. */
const ALL_LINES: TaggerSettings = { ...DEFAULT_TAGGER_SETTINGS, lines: 'all' };
const FREE_LINES: TaggerSettings = { ...DEFAULT_TAGGER_SETTINGS, lines: 'free' };

/** The technique tagger on top of the shipped combination (`union`), each way of joining it to the rules. */
export const TECHNIQUE_VARIANTS: Variant[] = (
  [
    ['tagger', ALL_LINES, 'union, and the technique tagger decides every technique (the rules among its features)'],
    ['union', ALL_LINES, "union, plus the technique tagger's mentions where the rules found nothing"],
    ['tagger-first', ALL_LINES, "union, the technique tagger's mentions, plus the rules' technique mentions it overlaps nowhere"],
    ['free-lines', FREE_LINES, "union, the rules' technique mentions on table lines, the technique tagger's on every other line"],
  ] as const
).map(([combine, settings, description]) => ({
  name: `union+${combine === 'union' ? 'tagger-union' : combine}`,
  description,
  settings: DEFAULT_SETTINGS,
  combine: 'union' as const,
  techniques: { settings, combine },
}));

export const VARIANTS: Variant[] = [
  { name: 'rules', description: 'the rules alone (dictionaries, schemes, cues)', combine: 'rules' },
  { name: 'model', description: 'the model decides, with the rules among its features', settings: DEFAULT_SETTINGS, combine: 'model' },
  {
    name: 'union',
    description: "the rules, plus the model's names where the rules found nothing",
    settings: DEFAULT_SETTINGS,
    combine: 'union',
  },
  {
    name: 'checked',
    description: "as union, but a threat actor only a cue proposed (in no list, no vendor scheme) is the model's to decide",
    settings: DEFAULT_SETTINGS,
    combine: 'checked',
  },
  ...TECHNIQUE_VARIANTS,
];

/** Reports dealt into folds: sorted by id, shuffled with the seed, dealt in turn. */
export function folds(reports: readonly Report[], k = FOLDS, seed = FOLD_SEED): Report[][] {
  const order = shuffled(
    [...reports].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    seededRandom(seed),
  );
  const out: Report[][] = Array.from({ length: k }, () => []);
  order.forEach((report, i) => out[i % k].push(report));
  return out;
}

/** What a fold finds entities with, when it differs from fold to fold (`--unseen`: `unseen-names.ts`). */
export interface FoldTools {
  rulesOf: (report: Report) => readonly Entity[];
  resolve: Resolve;
  facts: DictionaryFacts;
  /** Features the fold's model is trained without. */
  forget?: (feature: string) => boolean;
}

export interface CrossValidation {
  /** Per variant name: a tally per row, over all folds. */
  tallies: Map<string, Map<string, Tally>>;
  /** Per variant name: a tally per row for each fold, in fold order (to see whether a gain holds fold by fold). */
  foldTallies: Map<string, Map<string, Tally>[]>;
}

export function crossValidate(
  reports: readonly Report[],
  variants: readonly Variant[],
  rulesOf: (report: Report) => readonly Entity[],
  resolve: Resolve,
  facts: DictionaryFacts,
  progress: (line: string) => void,
  vocabulary: ReadonlySet<string> = new Set(),
  toolsOfFold?: (heldOut: readonly Report[], fold: number) => FoldTools,
  /** Each held-out report's model spans, with their class scores (`calibration-report.ts` reads them). */
  onSpans?: (variant: string, fold: number, report: Report, spans: readonly ModelSpan[]) => void,
): CrossValidation {
  const tallies = new Map(variants.map((v) => [v.name, new Map<string, Tally>()]));
  const foldTallies = new Map(variants.map((v) => [v.name, [] as Map<string, Tally>[]]));
  const dealt = folds(reports);
  dealt.forEach((heldOut, f) => {
    const training = dealt.filter((_, g) => g !== f).flat();
    const {
      rulesOf: rulesOfFold,
      resolve: resolveOfFold,
      facts: factsOfFold,
      forget,
    } = toolsOfFold?.(heldOut, f) ?? { rulesOf, resolve, facts };
    // Variants with the same settings share one trained model.
    const trained = new Map<TrainingSettings, ReturnType<typeof trainEntityModel>>();
    const taggers = new Map<TaggerSettings, ReturnType<typeof techniqueTagger>>();
    for (const variant of variants) {
      const into = tallies.get(variant.name)!;
      const inFold = new Map<string, Tally>();
      foldTallies.get(variant.name)!.push(inFold);
      const score = (report: Report, found: readonly Entity[]) => {
        scoreReport(report, found, into);
        scoreReport(report, found, inFold);
      };
      if (!variant.settings) {
        for (const report of heldOut) score(report, rulesOfFold(report));
        continue;
      }
      let weights = trained.get(variant.settings);
      if (!weights) {
        const started = performance.now();
        trained.set(variant.settings, (weights = trainEntityModel(training, rulesOfFold, factsOfFold, variant.settings, forget)));
        progress(
          `fold ${f + 1}/${dealt.length}: trained ${variant.name} on ${training.length} reports in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      }
      const model = modelFromWeights(weights.names, weights.weights, factsOfFold, variant.combine, weights.gate, {
        keepScores: onSpans !== undefined,
      });
      const techniques = variant.techniques;
      let tagger = techniques && taggers.get(techniques.settings);
      if (techniques && !tagger) {
        const started = performance.now();
        const tagged = trainTechniqueTagger(training, rulesOfFold, vocabulary, techniques.settings);
        taggers.set(techniques.settings, (tagger = techniqueTagger(tagged, vocabulary, techniques.settings)));
        progress(
          `fold ${f + 1}/${dealt.length}: trained the technique tagger on ${training.length} reports in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      }
      for (const report of heldOut) {
        const ruled = rulesOfFold(report);
        const spans = model.combine === 'rules' ? [] : model.findSpans(report.text, ruled);
        onSpans?.(variant.name, f, report, spans);
        // As the scanner does after the model (`threat-page.ts`).
        const found = withoutThreatNamesOutOfPlace(report.text, joinModelSpans(report.text, ruled, spans, model.combine, resolveOfFold));
        score(report, tagger && techniques ? applyTechniqueTagger(report.text, ruled, found, tagger, techniques.combine) : found);
      }
    }
  });
  return { tallies, foldTallies };
}
