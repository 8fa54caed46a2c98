/**
 * Scoring a candidate at inference: the same features as `nameFeatures` and `placeFeatures`
 * (span-features.ts), in the same order (so the sums are the same to the last bit), but added straight
 * from the model's tables (`feature-table.ts`) without writing them out as strings. Training keeps the
 * string form; a unit test holds the two to the same scores.
 */
import { cuesAround } from '../context-cues';
import { calledMalware } from '../software-cues';
import type { Candidate } from './candidates';
import { FeatureTable, type PairTable, type Table } from './feature-table';
import { bucket, RULE_LABELS, ruleLabel, SENTENCE_END, spanShape, type SpanDocument } from './span-features';

export interface SpanScorer {
  /** Adds the features of the candidate's name (`nameFeatures`) to `scores`. */
  addName(doc: SpanDocument, c: Candidate, key: string, known: readonly string[], scores: Float64Array): void;
  /**
   * Adds the features of its place (`placeFeatures`). Returns false, leaving `scores` partly summed, when
   * the candidate cannot come out as anything but `none` whatever the cue phrases around it say: then
   * those (regular expressions over its neighbourhood, the costly part) are not read at all. `whole`: sum
   * every feature all the same (a checked actor's details show the model's confidence).
   */
  addPlace(doc: SpanDocument, c: Candidate, known: readonly string[], scores: Float64Array, whole?: boolean): boolean;
}

export function spanScorer(names: readonly string[], weights: ArrayLike<number>, nClasses: number): SpanScorer {
  const table = new FeatureTable(names);
  const add = (id: number | undefined, scores: Float64Array) => {
    if (id === undefined || id < 0) return;
    const base = id * nClasses;
    for (let c = 0; c < nClasses; c++) scores[c] += weights[base + c];
  };
  const pair = (t: PairTable, a: string, b: string) => t.get(a)?.get(b);
  const bias = table.plainId('bias');
  const writtenLower = table.plainId('written-lower');
  const [name, first, last, shapeT, n, x3, p3, count, dict, doc] = [
    'name',
    'first',
    'last',
    'shape',
    'n',
    'x3',
    'p3',
    'count',
    'dict',
    'doc',
  ].map((t) => table.table(t));
  const [rule, l1, r1, l1s, r1s, startShape, other, cue]: Table[] = ['rule', 'L1', 'R1', 'L1s', 'R1s', 'start|shape', 'other', 'cue'].map(
    (t) => table.table(t),
  );
  const [l1r1, ruleL1, ruleR1, dictRule] = ['L1|R1', 'rule|L1', 'rule|R1', 'dict|rule'].map((t) => table.pairTable(t));
  // Per rule label, the most the cue features can add to each class over `none`.
  const cueBound = new Map<string, Float64Array>();
  for (const label of RULE_LABELS) {
    const bound = new Float64Array(nClasses);
    for (const value of ['actor', `actor|${label}`, 'strong-actor', 'software', `software|${label}`, 'called-malware']) {
      const id = cue.get(value);
      if (id === undefined) continue;
      for (let k = 1; k < nClasses; k++) bound[k] += Math.max(0, weights[id * nClasses + k] - weights[id * nClasses]);
    }
    cueBound.set(label, bound);
  }
  /** Whether some class could still beat `none` once at most `bound` is added to it (with room for rounding). */
  const mayBeatNone = (scores: Float64Array, bound: Float64Array) => {
    for (let k = 1; k < nClasses; k++) if (scores[k] + bound[k] >= scores[0] - 1e-9) return true;
    return false;
  };

  return {
    addName(d, c, key, known, scores) {
      const { lower } = d;
      const words = c.last - c.first + 1;
      add(bias, scores);
      add(name.get(key), scores);
      add(first.get(lower(c.first)), scores);
      add(last.get(lower(c.last)), scores);
      add(shapeT.get(spanShape(d, c)), scores);
      add(n.get(String(words)), scores);
      add(x3.get(lower(c.last).slice(-3)), scores);
      add(p3.get(lower(c.first).slice(0, 3)), scores);
      add(count.get(bucket(d.countOfName.get(key) ?? 0)), scores);
      if (words === 1 && d.writtenLower(lower(c.first))) add(writtenLower, scores);
      for (const fact of known) add(dict.get(fact), scores);
      const kinds = d.ruleKindsOfName.get(key);
      if (kinds) for (const kind of kinds) add(doc.get(kind), scores);
    },
    addPlace(d, c, known, scores, whole = false) {
      const { text, lower, word, tokens } = d;
      const shape = spanShape(d, c);
      const label = ruleLabel(c);
      const before = c.first - 1 >= 0 ? lower(c.first - 1) : '<edge>';
      const after = c.last + 1 < tokens.count ? lower(c.last + 1) : '<edge>';
      const shapeBefore = c.first > 0 ? d.shape(c.first - 1) : '<edge>';
      const shapeAfter = c.last + 1 < tokens.count ? d.shape(c.last + 1) : '<edge>';
      const sentenceStart = c.first === 0 || tokens.lineStart[c.first] === 1 || SENTENCE_END.has(word(c.first - 1));
      add(rule.get(label), scores);
      add(l1.get(before), scores);
      add(r1.get(after), scores);
      add(pair(l1r1, before, after), scores);
      add(l1s.get(shapeBefore), scores);
      add(r1s.get(shapeAfter), scores);
      add(pair(ruleL1, label, before), scores);
      add(pair(ruleR1, label, after), scores);
      if (sentenceStart) add(startShape.get(shape), scores);
      if (c.otherKind) add(other.get(c.otherKind), scores);
      for (const fact of known) add(pair(dictRule, fact, label), scores);
      const bound = cueBound.get(label);
      if (!whole && bound && !mayBeatNone(scores, bound)) return false;
      const cues = cuesAround(text, c.start, c.end);
      if (cues.actor) {
        add(cue.get('actor'), scores);
        add(cue.get(`actor|${label}`), scores);
      }
      if (cues.strongActor) add(cue.get('strong-actor'), scores);
      if (cues.software) {
        add(cue.get('software'), scores);
        add(cue.get(`software|${label}`), scores);
      }
      if (calledMalware(text, c.start, c.end)) add(cue.get('called-malware'), scores);
      return true;
    },
  };
}
