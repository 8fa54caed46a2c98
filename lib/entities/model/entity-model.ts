/**
 * The trained entity model as shipped (`data/entity-model.json`, written by `npm run train:entities`) and
 * its use: judge every candidate span of a text (`candidates.ts`), keep those it gives a kind, and where
 * kept spans overlap keep the one it is surest of. Weights are stored as integers (the averaged weights
 * times `scale`); features whose weights all round to zero are left out.
 */
import { spanDocument, type DictionaryFacts } from './span-features';
import { spanScorer } from './score-span';
import { CLASSES, classOf, kindOfClass, NONE, type ModelKind } from './tags';
import { firstOverlapping } from './first-overlapping';
import type { Entity } from '../types';
import type { TechniqueTaggerFile } from './techniques/technique-tagger-file';
import { cueOnlyActorSpans, KEEP_ACTOR_BELOW } from './checked-by-model';
import { actorVetoes, softwareVetoes } from './actor-vetoes';
import { calibratedAt, PLAIN_SOFTMAX, readCalibration, softmaxAt, type Calibration } from './calibration';

const ACTOR = classOf('threat-actor');

export interface EntityModelFile {
  format: 'gloss-entity-model/2';
  /** How the model's spans and the rules' combine (chosen by cross-validation). */
  combine: CombineMode;
  classes: string[];
  scale: number;
  features: string[];
  /** features.length × classes.length integers, feature-major. */
  weights: number[];
  /** See `TrainedWeights.gate` (training.ts). */
  gate: number;
  /** What it was trained on and how, for the record. */
  trainedOn: string;
  /** The technique tagger (`techniques/`), trained with it; absent in files from before it. */
  techniques?: TechniqueTaggerFile;
  /**
   * What turns the class scores into the confidence shown (`calibration.ts`); absent in files from before
   * it, which load with the plain softmax (temperature 1), as they did.
   */
  calibration?: ModelCalibration;
}

/** The calibration, with what it was fitted on and how it was chosen, for the record. */
export type ModelCalibration = Calibration & { fittedOn: string };

/**
 * - `rules`: the rules alone (the model is not used);
 * - `model`: the model decides every actor, malware and tool mention, the rules' among its features;
 * - `union`: the rules' entities, plus the model's names where the rules found nothing;
 * - `checked`: as `union`, but a threat actor only a cue proposed is the model's to decide (`checked-by-model.ts`).
 */
export type CombineMode = 'rules' | 'model' | 'union' | 'checked';

export interface ModelSpan {
  kind: ModelKind;
  start: number;
  end: number;
  /** The model's calibrated probability that its decision is right (`calibration.ts`). */
  confidence: number;
  /** A cue-only actor kept though the model leans to another reading: nothing, or software not surely enough to overrule it. */
  doubted?: boolean;
  /** The class scores themselves (none, actor, malware, tool), only from a model built with `keepScores` (evaluation). */
  scores?: number[];
}

/** How a model in memory turns scores into confidences (see `calibration.ts`). */
export interface ModelOptions {
  /** What turns the shown class's scores into its confidence; the plain softmax by default. */
  calibration?: Calibration;
  /** Keep each span's class scores on it (`ModelSpan.scores`), for measuring the calibration. */
  keepScores?: boolean;
}

export interface EntityModel {
  combine: CombineMode;
  /** The spans the model keeps in `text`, given what the rules found there. */
  findSpans(text: string, ruleEntities: readonly Entity[]): ModelSpan[];
}

export function loadEntityModel(file: EntityModelFile, facts: DictionaryFacts): EntityModel {
  return modelFromWeights(file.features, modelWeights(file), facts, file.combine, file.gate, {
    calibration: readCalibration(file.calibration),
  });
}

/** The file's weights as the model uses them (a compiled index stores these). */
export function modelWeights(file: EntityModelFile): Float32Array {
  if (file.format !== 'gloss-entity-model/2' || file.classes.join() !== CLASSES.join()) throw new Error('entity model: unknown format');
  const weights = new Float32Array(file.weights.length);
  for (let k = 0; k < weights.length; k++) weights[k] = file.weights[k] / file.scale;
  return weights;
}

/** A model from weights in memory (training and cross-validation decode the same way). */
export function modelFromWeights(
  names: readonly string[],
  weights: ArrayLike<number>,
  facts: DictionaryFacts,
  combine: CombineMode,
  gate: number,
  { calibration = PLAIN_SOFTMAX, keepScores = false }: ModelOptions = {},
): EntityModel {
  const nClasses = CLASSES.length;
  const scorer = spanScorer(names, weights, nClasses);
  return {
    combine,
    findSpans(text, ruleEntities) {
      const doc = spanDocument(text, ruleEntities);
      const scores = new Float64Array(nClasses);
      // A name's own features score the same wherever it is spelled the same way: once per spelling, kept
      // in one pool (slot × classes) rather than an array per name.
      const slotOf = new Map<string, number>();
      const knownOf: (readonly string[])[] = [];
      let pool = new Float64Array(64 * nClasses);
      const kept: (ModelSpan & { margin: number })[] = [];
      // Joined as a union, only names where the rules found nothing can count: judge only those.
      // Checked: the rules' cue-only actor stays unless the model is sure it is software (`checked-by-model.ts`).
      const checkedAt = combine === 'checked' ? cueOnlyActorSpans(ruleEntities) : undefined;
      // The model judges a checked actor's reading, not its bounds: no other span inside or across it may
      // displace it ("Lazarus" inside "the threat actor known as “Fancy Lazarus”").
      const free =
        combine === 'union' ? freeOfRules(ruleEntities) : combine === 'checked' ? freeOfRules(ruleEntities, checkedAt) : () => true;
      const vetoed = actorVetoes(text);
      const vetoedSoftware = softwareVetoes(text);
      // Per slot: whether the name's own features argue for `none` harder than the gate.
      const gated: boolean[] = [];
      doc.candidates.forEach((candidate, i) => {
        if (!free(candidate)) return;
        const checked = checkedAt?.has(`${candidate.start}:${candidate.end}`) ?? false;
        const surface = doc.surfaces[i];
        let slot = slotOf.get(surface);
        if (slot === undefined) {
          slot = knownOf.length;
          const known = facts(surface);
          knownOf.push(known);
          scores.fill(0);
          scorer.addName(doc, candidate, doc.keys[i], known, scores);
          let most = -Infinity;
          for (let c = 1; c < nClasses; c++) most = Math.max(most, scores[c]);
          gated.push(scores[NONE] - most > gate);
          if ((slot + 1) * nClasses > pool.length) {
            const grown = new Float64Array(pool.length * 2);
            grown.set(pool);
            pool = grown;
          }
          for (let c = 0; c < nClasses; c++) pool[slot * nClasses + c] = scores[c];
          slotOf.set(surface, slot);
        }
        // A gated name is not judged anywhere, unless it is a checked actor: its details show the model's doubt.
        if (gated[slot] && !checked) return;
        for (let c = 0; c < nClasses; c++) scores[c] = pool[slot * nClasses + c];
        if (!scorer.addPlace(doc, candidate, knownOf[slot], scores, checked)) return;
        let best = NONE;
        for (let c = 1; c < nClasses; c++) if (scores[c] > scores[best]) best = c;
        // Decided on the plain softmax, the units the threshold was chosen in: the calibration changes what the
        // details say, never a decision. (Platt scaling, which ships, is monotone in this very probability, so
        // re-choosing the cut in its units by the same CV would keep the same actors.)
        if (checked && best !== ACTOR && (best === NONE || softmaxAt(scores, best) < KEEP_ACTOR_BELOW)) {
          kept.push({
            kind: 'threat-actor',
            start: candidate.start,
            end: candidate.end,
            confidence: calibratedAt(calibration, scores, ACTOR),
            doubted: true,
            margin: scores[ACTOR] - scores[NONE],
            ...(keepScores && { scores: Array.from(scores) }),
          });
          return;
        }
        if (best === NONE || (!checked && (best === ACTOR ? vetoed(candidate) : vetoedSoftware(candidate)))) return;
        kept.push({
          kind: kindOfClass(best),
          start: candidate.start,
          end: candidate.end,
          confidence: calibratedAt(calibration, scores, best),
          margin: scores[best] - scores[NONE],
          ...(keepScores && { scores: Array.from(scores) }),
        });
      });
      return selectSurest(kept);
    },
  };
}

/**
 * Whether a span overlaps no mention the rules found (of any kind); rule mentions never overlap. `exactly`:
 * mentions (`start:end`) a span may still be, though not overlap otherwise (checked actors).
 */
function freeOfRules(ruleEntities: readonly Entity[], exactly?: ReadonlySet<string>): (span: { start: number; end: number }) => boolean {
  const mentions = ruleEntities.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
  return (span) => {
    const k = firstOverlapping(mentions, span);
    if (k < 0) return true;
    const m = mentions[k];
    return exactly !== undefined && m.start === span.start && m.end === span.end && exactly.has(`${m.start}:${m.end}`);
  };
}

/** Non-overlapping spans, the larger margin over `none` first; returned in text order. */
function selectSurest(spans: (ModelSpan & { margin: number })[]): ModelSpan[] {
  const order = [...spans].sort((a, b) => b.margin - a.margin || a.start - b.start);
  const chosen: ModelSpan[] = [];
  const taken: { start: number; end: number }[] = [];
  for (const span of order) {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid].start < span.start) lo = mid + 1;
      else hi = mid;
    }
    if ((lo > 0 && taken[lo - 1].end > span.start) || (lo < taken.length && taken[lo].start < span.end)) continue;
    taken.splice(lo, 0, span);
    const { margin: _, ...kept } = span;
    chosen.push(kept);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
