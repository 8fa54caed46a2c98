/**
 * Scores `gloss analyze` on the blind report sets (tests/fixtures/blind-reports/<set>/, README there):
 * reports written with answer keys by helpers who had seen neither the rules nor the labelled data, scored
 * as issue 13's held-out measurement scores the command line (`blind-reports/score-surface.ts`). A set that
 * was used to find missing cues is a fit from then on; the folder's README says which were scored held out.
 * Not part of the pass/fail tests.
 *
 *   npm run eval:blind              every set
 *   npm run eval:blind -- c         the sets named (folder names)
 *   add --details for each report's differences
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../cli/analyze-command';
import { precisionRecallF1, scoreSurface, type KeyMention, type SurfaceTally } from './blind-reports/score-surface';

const ROOT = path.join(import.meta.dirname, '..', 'tests', 'fixtures', 'blind-reports');
const TYPE_OF_KIND: Readonly<Record<string, string>> = { 'threat-actor': 'GROUP', malware: 'MALWARE', tool: 'TOOL' };
const TYPES = ['GROUP', 'MALWARE', 'TOOL'];

const args = process.argv.slice(2);
const details = args.includes('--details');
const named = args.filter((a) => !a.startsWith('--'));
const sets = readdirSync(ROOT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && (named.length === 0 || named.includes(entry.name)))
  .map((entry) => entry.name)
  .sort();

const fixed = (n: number) => n.toFixed(3);
for (const set of sets) {
  const totals = new Map<string, SurfaceTally>(
    TYPES.map((t) => [t, { truePositives: 0, falsePositives: 0, falseNegatives: 0, differences: [] }]),
  );
  const files = readdirSync(path.join(ROOT, set))
    .filter((f) => f.endsWith('.html'))
    .sort();
  for (const file of files) {
    const page = path.join(ROOT, set, file);
    const key = JSON.parse(readFileSync(page.replace(/\.html$/, '.key.json'), 'utf8')) as { mentions: KeyMention[] };
    const report = JSON.parse(await analyze({ file: page, format: 'json' })) as {
      entities: { kind: string; mentions: { text: string }[] }[];
    };
    const found = report.entities.flatMap((e) =>
      TYPE_OF_KIND[e.kind] ? e.mentions.map((m) => ({ type: TYPE_OF_KIND[e.kind], text: m.text })) : [],
    );
    for (const [type, tally] of scoreSurface(found, key.mentions)) {
      const total = totals.get(type);
      if (!total) continue;
      total.truePositives += tally.truePositives;
      total.falsePositives += tally.falsePositives;
      total.falseNegatives += tally.falseNegatives;
      if (details) for (const difference of tally.differences) console.log(`  ${file}: ${difference}`);
    }
  }
  console.log(`set ${set} (${files.length} reports)`);
  for (const [type, tally] of totals) {
    const [p, r, f1] = precisionRecallF1(tally);
    console.log(
      `  ${type.padEnd(8)} P ${fixed(p)}  R ${fixed(r)}  F1 ${fixed(f1)}   (found right ${tally.truePositives}, false ${tally.falsePositives}, missed ${tally.falseNegatives})`,
    );
  }
}
