import { describe, expect, it } from 'vitest';
import { createEntityFinder } from '@/lib/entities/actors-and-software';
import { findReferenceLines, inRanges } from '@/lib/entities/reference-lines';
import { software, threatActors } from './shared-data';

const lines = (text: string) => findReferenceLines(text).map((r) => text.slice(r.start, r.end));
const finder = createEntityFinder(threatActors(), software());
const actorMentions = (text: string) =>
  finder
    .findEntities(text)
    .filter((e) => e.kind === 'threat-actor')
    .flatMap((e) => e.mentions.map((m) => m.text));

describe('reference-list lines (issue 13)', () => {
  it('finds footnotes that cite: "[1] ESET, A1, April 2018, …", "[[2]](#_ftnref2) Palo Alto, June 2018, …"', () => {
    const text =
      'Body text.\nCitations\n[1] ESET, A1, April 2018, Sednit update: Analysis of Zebrocy\n[[2]](#_ftnref2) Palo Alto, B1, June 2018, Sofacy Group’s Parallel Attacks\n';
    expect(lines(text)).toEqual([
      '[1] ESET, A1, April 2018, Sednit update: Analysis of Zebrocy',
      '[[2]](#_ftnref2) Palo Alto, B1, June 2018, Sofacy Group’s Parallel Attacks',
    ]);
  });
  it('finds a dated reading list: "October 2017 – Leviathan: Espionage actor…", "* May 3, 2021 — …"', () => {
    const text =
      'Further reading:\nOctober 2017 –\u00a0Leviathan: Espionage actor spearphishes maritime targets\n* May 3, 2021 — NOBELIUM returns\n';
    expect(lines(text)).toEqual([
      'October 2017 –\u00a0Leviathan: Espionage actor spearphishes maritime targets',
      '* May 3, 2021 — NOBELIUM returns',
    ]);
  });
  it('leaves footnotes that are notes, and dates in running text, alone', () => {
    expect(lines('[1] To note, we only included the campaigns attributed to the Cobalt group.\n')).toEqual([]);
    expect(lines('In October 2017 – as we reported – Leviathan struck.\nSince May 2021 the group has been quiet.\n')).toEqual([]);
  });
  it('answers whether a span lies inside one of the lines', () => {
    const ranges = [
      { start: 10, end: 20 },
      { start: 30, end: 40 },
    ];
    expect(inRanges(ranges, 12, 15)).toBe(true);
    expect(inRanges(ranges, 30, 40)).toBe(true);
    expect(inRanges(ranges, 18, 25)).toBe(false);
    expect(inRanges(ranges, 22, 25)).toBe(false);
    expect(inRanges([], 0, 1)).toBe(false);
  });
  it('takes no actor from a cited title, but keeps the same name in the body', () => {
    const text =
      'Leviathan, an espionage group, targeted shipping firms with phishing.\nOctober 2017 – Leviathan: Espionage actor spearphishes maritime targets\n';
    expect(actorMentions(text)).toEqual(['Leviathan']);
    expect(finder.findEntities(text).find((e) => e.kind === 'threat-actor')!.mentions[0].start).toBe(0);
  });
});
