/**
 * GROUP precision / recall / F1 of the threat-actor finder on AnnoCTR (shared/data/annoctr).
 *
 *   npx tsx scripts/entities-eval.ts [split ...]      (default: train dev)
 *
 * Data: GLOSS_SHARED_DATA (default ../shared/data beside the project). Each report's predicted mentions are the
 * `threat-actor` mentions of `findEntities(report.text)`; gold mentions are those typed GROUP.
 * Span rules, counted per mention, micro-averaged over reports:
 * - exact: a prediction is correct when a gold GROUP span has the same start and end;
 * - overlap: a prediction is correct when it overlaps a gold GROUP span not yet claimed (one to one,
 *   in text order), which forgives "the Lazarus Group" vs "Lazarus".
 * No per-report tuning: the finder is used as is.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createEntityFinder } from '../lib/entities/find-entities';

const DATA = process.env.GLOSS_SHARED_DATA ?? path.join(import.meta.dirname, '..', '..', 'shared', 'data');
const splits = process.argv.slice(2).length ? process.argv.slice(2) : ['train', 'dev'];

interface Span { start: number; end: number; text: string }
interface Report { id: string; text: string; mentions: (Span & { type: string })[] }

const finder = createEntityFinder(
  JSON.parse(readFileSync(path.join(DATA, 'threat-actors.json'), 'utf8')),
  JSON.parse(readFileSync(path.join(DATA, 'software.json'), 'utf8')),
);

function score(predicted: Span[], gold: Span[], overlap: boolean): number {
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
const fmt = (x: number) => x.toFixed(3);

for (const split of splits) {
  const reports: Report[] = readFileSync(path.join(DATA, 'annoctr', `${split}.jsonl`), 'utf8')
    .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  let nPred = 0, nGold = 0, tpExact = 0, tpOverlap = 0;
  const misses = new Map<string, number>();
  const falseHits = new Map<string, number>();
  for (const report of reports) {
    const gold = report.mentions.filter((m) => m.type === 'GROUP');
    const predicted = finder.findEntities(report.text).filter((e) => e.kind === 'threat-actor').flatMap((e) => e.mentions);
    nPred += predicted.length;
    nGold += gold.length;
    tpExact += score(predicted, gold, false);
    tpOverlap += score(predicted, gold, true);
    for (const p of predicted) if (!gold.some((g) => p.start < g.end && g.start < p.end)) falseHits.set(p.text, (falseHits.get(p.text) ?? 0) + 1);
    for (const g of gold) if (!predicted.some((p) => p.start < g.end && g.start < p.end)) misses.set(g.text, (misses.get(g.text) ?? 0) + 1);
  }
  console.log(`${split}: ${reports.length} reports, ${nGold} gold GROUP mentions, ${nPred} predicted`);
  for (const [rule, tp] of [['exact', tpExact], ['overlap', tpOverlap]] as const) {
    const p = nPred ? tp / nPred : 0;
    const r = nGold ? tp / nGold : 0;
    console.log(`  ${rule.padEnd(8)} P ${fmt(p)}  R ${fmt(r)}  F1 ${fmt(f1(p, r))}`);
  }
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([t, n]) => `${t}×${n}`).join(', ');
  console.log(`  top false hits: ${top(falseHits)}`);
  console.log(`  top misses:     ${top(misses)}`);
}
