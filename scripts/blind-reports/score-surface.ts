/**
 * Scoring as issue 13's held-out measurement scores `gloss analyze`: per report, the threat actors (GROUP),
 * malware and tools found and those the answer key lists, as case-folded surface strings with white space
 * runs as one space, counted with multiplicity. A mention found under another kind than the key's counts as
 * one false hit and one miss.
 */

/** One line of an answer key: a surface string, its type and how often the report writes it so. */
export interface KeyMention {
  text: string;
  type: string;
  count: number;
}

export interface SurfaceTally {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** "GROUP ravenmoor: found 16, key 14", for each string whose counts differ. */
  differences: string[];
}

const surface = (type: string, text: string) => `${type}\t${text.toLowerCase().replace(/\s+/g, ' ').trim()}`;

function countBy(items: readonly { type: string; text: string; count: number }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { type, text, count } of items) counts.set(surface(type, text), (counts.get(surface(type, text)) ?? 0) + count);
  return counts;
}

/** Per type, what `found` (each mention once) scores against `key`. */
export function scoreSurface(found: readonly { type: string; text: string }[], key: readonly KeyMention[]): Map<string, SurfaceTally> {
  const predicted = countBy(found.map((m) => ({ ...m, count: 1 })));
  const gold = countBy(key);
  const tallies = new Map<string, SurfaceTally>();
  for (const entry of new Set([...predicted.keys(), ...gold.keys()])) {
    const [type, text] = entry.split('\t');
    const p = predicted.get(entry) ?? 0;
    const g = gold.get(entry) ?? 0;
    let tally = tallies.get(type);
    if (!tally) tallies.set(type, (tally = { truePositives: 0, falsePositives: 0, falseNegatives: 0, differences: [] }));
    tally.truePositives += Math.min(p, g);
    tally.falsePositives += Math.max(0, p - g);
    tally.falseNegatives += Math.max(0, g - p);
    if (p !== g) tally.differences.push(`${type} ${text}: found ${p}, key ${g}`);
  }
  return tallies;
}

/** Precision, recall and F1 of a tally (0 where nothing was found or listed). */
export function precisionRecallF1({ truePositives: tp, falsePositives: fp, falseNegatives: fn }: SurfaceTally): [number, number, number] {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return [precision, recall, precision + recall ? (2 * precision * recall) / (precision + recall) : 0];
}
