import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/article/extract-article';
import { createEntityScanner } from '@/lib/entities/scan-entities';
import { createEntityFinder } from '@/lib/entities/actors-and-software';
import { loadEntityData } from '@/lib/entities/shipped-data';
import type { EntityModelFile } from '@/lib/entities/model/entity-model';
import { dictionaryFacts } from '@/lib/entities/model/resolve-name';
import { spanScorer } from '@/lib/entities/model/score-span';
import { nameFeatures, nameKey, placeFeatures, spanDocument } from '@/lib/entities/model/span-features';
import { CLASSES, NONE } from '@/lib/entities/model/tags';
import { fixtureDocument } from '../../../support/load-html';

const data = loadEntityData();
const file = data.model as EntityModelFile;
const weights = file.weights.map((w) => w / file.scale);
const n = CLASSES.length;
const finder = createEntityFinder(data.actors, data.software);
const facts = dictionaryFacts(finder.dictionary, finder.software);
const rules = createEntityScanner({ ...data, model: undefined });

/** The scores the string features give (training's form): the reference for the table scorer. */
function stringScores(features: readonly string[]): Float64Array {
  const index = new Map(file.features.map((name, i) => [name, i]));
  const scores = new Float64Array(n);
  for (const name of features) {
    const f = index.get(name);
    if (f !== undefined) for (let c = 0; c < n; c++) scores[c] += weights[f * n + c];
  }
  return scores;
}

const URL = 'http://127.0.0.1/storm-1152.html';
const TEXTS = [
  extractArticle(fixtureDocument('storm-1152.html', URL), URL).textContent,
  'The Vortexa gang deployed the Quillon RAT | Karakurt ransomware gang\nThreat actor Zelvani APT, tracked as ' +
    'UNC5537, dropped LockBit 3.0 and "Cobalt Strike" beacons. “Marvex” is a new stealer; the Brontex loader ' +
    'was seen with Mimikatz. (Tessaro) said: Calvora Drenix Ostrava Kelmont. ||Lazarus|| emotet Emotet wrote.',
];

describe('the table scorer (inference) against the string features (training)', () => {
  it('gives every candidate the same scores, to the last bit, or leaves out only candidates that come out none', () => {
    const scorer = spanScorer(file.features, weights, n);
    let judged = 0;
    let skipped = 0;
    for (const text of TEXTS) {
      const doc = spanDocument(text, rules.findEntities(text));
      doc.candidates.forEach((c, i) => {
        const known = facts(doc.surfaces[i]);
        const key = nameKey(doc.surfaces[i]);
        expect(doc.keys[i]).toBe(key);
        const expected = stringScores([...nameFeatures(doc, c, key, known), ...placeFeatures(doc, c, known)]);
        const scores = new Float64Array(n);
        scorer.addName(doc, c, key, known, scores);
        expect(scores).toEqual(stringScores(nameFeatures(doc, c, key, known)));
        if (scorer.addPlace(doc, c, known, scores)) {
          judged++;
          expect(scores).toEqual(expected);
        } else {
          skipped++;
          const best = Math.max(...expected.slice(1));
          expect(best).toBeLessThanOrEqual(expected[NONE]);
        }
      });
    }
    // Both paths were taken.
    expect(judged).toBeGreaterThan(10);
    expect(skipped).toBeGreaterThan(10);
  });
});
