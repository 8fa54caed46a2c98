/**
 * Precision / recall / F1 of the entity scanner on AnnoCTR (shared/data/annoctr), per entity kind.
 *
 *   npm run eval:entities [-- split ...]      (default: train dev; add --details for false hits and misses)
 *
 * Data: GLOSS_SHARED_DATA (default ../shared/data beside the project); the scanner uses the project's
 * own data/ files, as the extension does. Each kind is compared with the AnnoCTR type it corresponds
 * to (threat-actor ↔ GROUP, malware ↔ MALWARE, tool ↔ TOOL, organization ↔ ORG, technique ↔ TECHNIQUE,
 * place ↔ LOC), plus malware and tools together ↔ MALWARE or TOOL. Counted per mention, micro-averaged
 * over reports:
 * - exact: a prediction is correct when a gold span of that type has the same start and end;
 * - overlap: a prediction is correct when it overlaps a gold span of that type not yet claimed (one to
 *   one, in text order), which forgives "the Lazarus Group" vs "Lazarus".
 * No per-report tuning: the scanner is used as is. Not part of the pass/fail tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadEntityData } from '../lib/entities/shipped-data';
import { createEntityScanner } from '../lib/entities/scan-entities';
import type { EntityKind } from '../lib/entities/types';

const DATA = process.env.GLOSS_SHARED_DATA ?? path.join(import.meta.dirname, '..', '..', 'shared', 'data');
const args = process.argv.slice(2);
const details = args.includes('--details');
const splitArgs = args.filter((a) => !a.startsWith('--'));
const splits = splitArgs.length ? splitArgs : ['train', 'dev'];

/** Rows of the table: the kinds predicted and the AnnoCTR types they are compared with. */
const ROWS: { label: string; kinds: EntityKind[]; types: string[] }[] = [
  { label: 'threat-actor', kinds: ['threat-actor'], types: ['GROUP'] },
  { label: 'malware', kinds: ['malware'], types: ['MALWARE'] },
  { label: 'tool', kinds: ['tool'], types: ['TOOL'] },
  // The lists and the annotators often disagree on malware vs tool (RATs, stealers); found is found.
  { label: 'software', kinds: ['malware', 'tool'], types: ['MALWARE', 'TOOL'] },
  { label: 'organization', kinds: ['organization'], types: ['ORG'] },
  { label: 'technique', kinds: ['technique'], types: ['TECHNIQUE'] },
  { label: 'place', kinds: ['place'], types: ['LOC'] },
];

interface Span { start: number; end: number; text: string }
interface Report { id: string; text: string; mentions: (Span & { type: string })[] }

const scanner = createEntityScanner(loadEntityData());

function truePositives(predicted: Span[], gold: Span[], overlap: boolean): number {
  const claimed = new Set<number>();
  let tp = 0;
  for (const p of predicted) {
    const i = gold.findIndex((g, k) =>
      !claimed.has(k) && (overlap ? p.start < g.end && g.start < p.end : p.start === g.start && p.end === g.end));
    if (i >= 0) { claimed.add(i); tp++; }
  }
  return tp;
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const fmt = (x: number) => x.toFixed(2);
const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([t, n]) => `${t}×${n}`).join(', ');

console.log('kind          split  gold  pred   exact P/R/F1        overlap P/R/F1');
for (const split of splits) {
  const reports: Report[] = readFileSync(path.join(DATA, 'annoctr', `${split}.jsonl`), 'utf8')
    .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const found = reports.map((r) => scanner.findEntities(r.text));
  for (const { label, kinds, types } of ROWS) {
    let nPred = 0, nGold = 0, tpExact = 0, tpOverlap = 0;
    const misses = new Map<string, number>();
    const falseHits = new Map<string, number>();
    reports.forEach((report, i) => {
      const gold = report.mentions.filter((m) => types.includes(m.type));
      const predicted = found[i].filter((e) => kinds.includes(e.kind)).flatMap((e) => e.mentions);
      nPred += predicted.length;
      nGold += gold.length;
      tpExact += truePositives(predicted, gold, false);
      tpOverlap += truePositives(predicted, gold, true);
      for (const p of predicted) if (!gold.some((g) => p.start < g.end && g.start < p.end)) falseHits.set(p.text, (falseHits.get(p.text) ?? 0) + 1);
      for (const g of gold) if (!predicted.some((p) => p.start < g.end && g.start < p.end)) misses.set(g.text, (misses.get(g.text) ?? 0) + 1);
    });
    const row = (tp: number) => {
      const p = nPred ? tp / nPred : 0;
      const r = nGold ? tp / nGold : 0;
      return `${fmt(p)} / ${fmt(r)} / ${fmt(f1(p, r))}`;
    };
    console.log(`${label.padEnd(13)} ${split.padEnd(5)} ${String(nGold).padStart(5)} ${String(nPred).padStart(5)}   ${row(tpExact)}   ${row(tpOverlap)}`);
    if (details) {
      console.log(`    false hits: ${top(falseHits)}`);
      console.log(`    misses:     ${top(misses)}`);
    }
  }
}
