/**
 * Where the rules hold that a name is no actor the text is about (a reference list's line, a name someone
 * borrows, a name in its common sense), the model may not make it one: its spans there are dropped.
 */
import { describe, expect, it } from 'vitest';
import { actorVetoes } from '@/lib/entities/model/actor-vetoes';
import { modelFromWeights } from '@/lib/entities/model/entity-model';

// A model that calls every listed actor name an actor, and nothing else anything.
const model = modelFromWeights(
  ['bias', 'dict=actor'],
  [2, 0, 0, 0, 0, 5, 0, 0],
  (s) => (s === 'Sednit' ? ['actor'] : []),
  'union',
  Infinity,
);
const actorsIn = (text: string) => model.findSpans(text, []).map((s) => text.slice(s.start, s.end));

describe('actors the model may not add', () => {
  it('finds the name in the text the model judges', () => {
    expect(actorsIn('Sednit struck again in May.')).toEqual(['Sednit']);
  });
  it('leaves out a name in a reference list’s line: cited, not discussed', () => {
    const text = 'Sednit struck again in May.\n[1] ESET, A1, April 2018, Sednit update: Analysis of Zebrocy\n';
    expect(model.findSpans(text, []).map((s) => s.start)).toEqual([0]);
  });
  it('leaves out a name someone borrows', () => {
    expect(actorsIn('Extortionists posing as Sednit demanded payment.')).toEqual([]);
  });
  it('leaves out a name the text uses in its common sense: "Sednit, a Russian pop band"', () => {
    expect(actorsIn('Sednit, a Russian pop band, played in May. Sednit struck again.')).toEqual(['Sednit']);
  });
  it('reads the reference lines once per text, and only when asked', () => {
    const vetoed = actorVetoes('Intro.\n[2] Palo Alto, B1, June 2018, Sofacy Group’s Parallel Attacks\nSofacy again.');
    const text = 'Intro.\n[2] Palo Alto, B1, June 2018, Sofacy Group’s Parallel Attacks\nSofacy again.';
    expect(vetoed({ start: text.indexOf('Sofacy'), end: text.indexOf('Sofacy') + 6 })).toBe(true);
    expect(vetoed({ start: text.lastIndexOf('Sofacy'), end: text.lastIndexOf('Sofacy') + 6 })).toBe(false);
  });
});
